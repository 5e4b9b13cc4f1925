// tradevault dashboard: draws the overview, alerts included, from /api/overview (or, in a report, from the
// embedded data) and the details lists from /api/{orders,fills,decisions}. Read-only: it never sends anything but GETs.
(function () {
  'use strict';
  const embedded = (window.TRADEVAULT || {}).report;
  const meta = document.querySelector('meta[name="tradevault-refresh-ms"]');
  const refreshMs = meta ? Number(meta.content) : 0;
  let charts = {};
  let list = 'orders';

  const $ = (id) => document.getElementById(id);
  const esc = (v) => String(v == null ? '' : v).replace(/[&<>"']/g,
      (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  const num = (v) => (v == null ? '?' : String(v));
  const signed = (v) => (v == null ? '?' : (Number(v) > 0 ? '+' : '') + v);
  const cls = (v) => (v == null ? '' : Number(v) < 0 ? 'neg' : Number(v) > 0 ? 'pos' : '');
  const bytes = (n) => n == null ? '?' : n > 1e9 ? (n / 1e9).toFixed(1) + ' GB' : n > 1e6 ? (n / 1e6).toFixed(1) + ' MB'
      : (n / 1e3).toFixed(0) + ' kB';

  async function get(path) {
    const r = await fetch(path, {credentials: 'same-origin', cache: 'no-store'});
    if (!r.ok) { throw new Error(path + ': ' + r.status + ' ' + (await r.text())); }
    return r.json();
  }

  function cards(o) {
    const t = o.trading, e = o.equity, n = e.equity.length;
    const now = n ? e.equity[n - 1] : (Number(t.realizedPnl) + Number(t.unrealizedPnl));
    const unprotected = t.unprotectedPositions.length;
    const items = [
      ['equity', signed(now), cls(now)],
      ['realized', signed(t.realizedPnl), cls(t.realizedPnl)],
      ['unrealized', signed(t.unrealizedPnl), cls(t.unrealizedPnl)],
      ['max drawdown', num(e.maxDrawdown), Number(e.maxDrawdown) < 0 ? 'bad' : ''],
      ['positions', t.openPositions.length + ' open', ''],
      ['protection', unprotected ? unprotected + ' UNPROTECTED' : 'every position protected', unprotected ? 'bad' : 'ok'],
      ['last decision', t.lastDecision ? t.lastDecision.decision + ' ' + t.lastDecision.symbol : 'none', '']];
    $('cards').innerHTML = items.map(([k, v, c]) =>
        '<div class="card ' + c + '"><span class="muted">' + esc(k) + '</span><b>' + esc(v) + '</b></div>').join('');
  }

  function state(o) {
    const h = o.health, t = o.trading, el = $('state');
    const bad = t.unprotectedPositions.length > 0;
    el.className = 'pill ' + (bad ? 'bad' : h.scanning ? 'ok' : 'warn');
    el.textContent = bad ? 'UNPROTECTED POSITION' : h.scanning ? 'running' : (embedded ? 'report' : 'not scanning');
    $('generated').textContent = (embedded ? 'report of ' : 'as of ') + o.generatedAt;
  }

  function chart(id, label, times, values, color, fill) {
    const el = $(id);
    const width = Math.max(300, el.clientWidth || 900);
    const height = el.classList.contains('small') ? 130 : 260;
    const data = [times, values.map(Number)];
    if (charts[id]) {
      charts[id].setData(data);
    } else {
      charts[id] = new uPlot({width: width, height: height, scales: {x: {time: true}},
        series: [{}, {label: label, stroke: color, fill: fill, width: 2}], axes: [{}, {size: 70}]}, data, el);
    }
    el.dataset.points = String(times.length);
    // when the first chart was drawn, in ms since navigation started (read by bench/dashboard)
    if (!document.documentElement.dataset.firstChartMs) {
      document.documentElement.dataset.firstChartMs = String(Math.round(performance.now()));
    }
  }

  function positions(t) {
    $('positions').querySelector('tbody').innerHTML = t.openPositions.length ? t.openPositions.map((p) => {
      const dist = p.lastPrice && p.stopLevel ? ((p.lastPrice - p.stopLevel) / p.lastPrice * 100).toFixed(2) + ' %' : '?';
      const s = p.stopOrder;
      const stop = s ? s.type + ' ' + s.state + (s.exchangeOrderId ? ' (acknowledged, id ' + s.exchangeOrderId + ')'
          : ' (not acknowledged)') : 'NONE';
      return '<tr data-position-id="' + p.id + '" data-protected="' + p.protectedByStop + '" data-stop-state="'
          + esc(s ? s.state : 'NONE') + '" class="' + (p.protectedByStop ? '' : 'unprotected') + '"><td>' + p.id
          + '</td><td>' + esc(p.symbol) + '</td><td>' + num(p.quantity) + '</td><td>' + num(p.entryPrice) + '</td><td>'
          + num(p.highestPrice) + '</td><td>' + num(p.stopLevel) + '</td><td>' + num(p.lastPrice) + '</td><td>' + dist
          + '</td><td class="' + cls(p.unrealizedPnl) + '">' + signed(p.unrealizedPnl) + '</td><td>' + esc(stop)
          + (p.protectedByStop ? ' &#10003; protected' : ' &mdash; UNPROTECTED') + '</td></tr>';
    }).join('') : '<tr><td colspan="10" class="muted">no open position</td></tr>';
  }

  function dl(id, pairs) {
    $(id).innerHTML = pairs.map(([k, v]) => '<dt>' + esc(k) + '</dt><dd>' + esc(v) + '</dd>').join('');
  }

  // "unprotected / critical alerts open", for the health list and the alerts panel's heading
  function openLine(a) {
    const o = a.open;
    return o.total ? o.total + ' open: ' + o.unprotected + ' unprotected, ' + o.critical + ' critical'
        : 'none open';
  }

  function alerts(a) {
    const o = a.open, el = $('alerts-open');
    el.textContent = openLine(a);
    el.className = o.unprotected || o.critical ? 'bad' : o.total ? 'warn' : 'ok';
    $('alerts').querySelector('tbody').innerHTML = a.recent.length ? a.recent.map((r) => {
      const delivery = r.status === 'delivered' ? 'delivered to ' + r.deliveredTo.join(', ')
          : 'PENDING' + (r.deliveredTo.length ? ' (delivered to ' + r.deliveredTo.join(', ') + ')' : '')
          + (r.nextAttemptAt ? ', next try ' + r.nextAttemptAt : '');
      return '<tr data-alert-id="' + r.id + '" data-condition="' + esc(r.condition) + '" data-severity="'
          + esc(r.severity) + '" data-state="' + esc(r.state) + '" data-status="' + esc(r.status) + '" data-attempts="'
          + r.failedAttempts + '" class="sev-' + esc(r.severity) + '" title="' + esc(r.detail + '\nNext step: '
          + r.nextStep) + '"><td>' + esc(r.createdAt) + '</td><td>' + esc(r.severity) + '</td><td>' + esc(r.state)
          + '</td><td>' + esc(r.condition) + '</td><td class="wrap">' + esc(r.title) + '</td><td class="wrap">'
          + esc(delivery) + '</td><td>' + r.failedAttempts + '</td><td class="wrap">' + esc(r.lastError || '') + '</td></tr>';
    }).join('') : '<tr><td colspan="8" class="muted">no alert raised yet</td></tr>';
  }

  function health(h, a) {
    const x = h.exchange || {};
    dl('health', [['last scan', h.lastScan ? h.lastScan + ' (' + h.lastScanAgeSeconds + ' s ago)' : 'none yet'],
      ['exchange', x.reachable === undefined ? (x.kind || '?') : (x.reachable ? 'reachable' : 'UNREACHABLE: ' + x.problem)],
      ['clock offset', x.clockOffsetMs === undefined ? '-' : x.clockOffsetMs + ' ms'],
      ['request weight', x.requestWeight === undefined ? '-' : x.requestWeight],
      ['disk free', bytes(h.diskFreeBytes)], ['ledger', h.backend + ' ' + h.ledger + ', ' + bytes(h.ledgerBytes)],
      ['schema', h.schemaVersion === undefined ? '?' : 'v' + h.schemaVersion],
      ['alerts', a ? openLine(a) : '?']]);
  }

  function backups(b) {
    dl('backups', [['last', b.last ? b.last.takenAt + ' (' + bytes(b.last.bytes) + ', verified when taken)' : 'none yet'],
      ['next', b.next || b.schedule], ['kept', (b.count || 0) + ' in ' + b.dir + ' (' + bytes(b.totalBytes) + ')']]
        .concat(b.problem ? [['problem', b.problem]] : []));
  }

  function reconciliations(rs) {
    $('reconciliations').innerHTML = rs.length ? rs.map((r) => {
      const head = r.agrees ? 'ledger and exchange agree' : (r.findings || []).length + ' finding(s), '
          + (r.steps || []).length + ' step(s)' + (r.settled ? ', settled' : ', NOT settled');
      const lines = (r.findings || []).map((f) => typeof f === 'string' ? f : JSON.stringify(f)).concat(r.steps || []);
      return '<li><b>' + esc(r.at) + '</b> ' + esc(head) + ', ' + esc(r.openPositionsAfter) + ' open position(s)'
          + (lines.length ? '<ul>' + lines.map((l) => '<li>' + esc(l) + '</li>').join('') + '</ul>' : '') + '</li>';
    }).join('') : '<li class="muted">none recorded yet</li>';
  }

  function draw(o) {
    state(o); cards(o);
    chart('equity-chart', 'equity', o.equity.time, o.equity.equity, '#2563eb', 'rgba(37,99,235,0.08)');
    chart('drawdown-chart', 'drawdown', o.equity.time, o.equity.drawdown, '#c0392b', 'rgba(192,57,43,0.12)');
    positions(o.trading); health(o.health, o.alerts); backups(o.backups); reconciliations(o.reconciliations);
    if (o.alerts) { alerts(o.alerts); }
  }

  const COLUMNS = {
    orders: ['clientOrderId', 'symbol', 'purpose', 'side', 'type', 'quantity', 'stopPrice', 'state', 'exchangeOrderId'],
    fills: ['filledAt', 'symbol', 'side', 'price', 'quantity', 'fee', 'feeAsset', 'clientOrderId'],
    decisions: ['decidedAt', 'symbol', 'decision', 'skipReason']};

  function filterQuery() {
    const f = new FormData($('filter'));
    return Array.from(f.entries()).filter(([, v]) => v).map(([k, v]) => k + '=' + encodeURIComponent(v)).join('&');
  }

  function localFilter(rows) {
    const f = Object.fromEntries(new FormData($('filter')).entries());
    return rows.filter((r) => (!f.symbol || r.symbol === f.symbol.toUpperCase())
        && (!f.outcome || [r.state, r.decision].includes(f.outcome.toUpperCase())));
  }

  async function showList() {
    const rows = embedded ? localFilter(embedded[list] || []) : await get('api/' + list + '?' + filterQuery());
    const cols = COLUMNS[list];
    $('list').querySelector('thead').innerHTML = '<tr>' + cols.map((c) => '<th>' + esc(c) + '</th>').join('') + '</tr>';
    $('list').querySelector('tbody').innerHTML = rows.map((r) => '<tr>' + cols.map((c) => '<td>' + esc(r[c])
        + '</td>').join('') + '</tr>').join('') || '<tr><td class="muted">nothing matches</td></tr>';
  }

  async function refresh() {
    try {
      draw(embedded ? embedded.overview : await get('api/overview'));
    } catch (e) {
      $('state').className = 'pill bad';
      $('state').textContent = 'cannot read: ' + e.message;
    }
  }

  document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', () => {
    document.querySelectorAll('nav button').forEach((x) => x.classList.toggle('active', x === b));
    list = b.dataset.list;
    showList();
  }));
  $('filter').addEventListener('submit', (e) => { e.preventDefault(); showList(); });
  refresh().then(showList);
  if (!embedded && refreshMs > 0) { setInterval(refresh, refreshMs); }
})();
