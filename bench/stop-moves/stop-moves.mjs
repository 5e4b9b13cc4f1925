// Milliseconds without a live stop per stop move against 'tradevault paper-exchange serve', measured on the
// venue's own clock: cancel then place, cancel-replace, and a venue-trailed stop. Plain fetch and node:crypto,
// no packages. Usage: node stop-moves.mjs BASE_URL MOVES   (key and secret in PAPER_API_KEY / PAPER_API_SECRET)
import { createHmac } from 'node:crypto'

const [base, movesArg] = process.argv.slice(2)
const moves = Number(movesArg || 50)
const key = process.env.PAPER_API_KEY
const secret = process.env.PAPER_API_SECRET

async function call (method, path, params) {
  const query = new URLSearchParams({ ...params, timestamp: Date.now(), recvWindow: 60000 }).toString()
  const signature = createHmac('sha256', secret).update(query).digest('hex')
  const r = await fetch(`${base}${path}?${query}&signature=${signature}`, { method, headers: { 'X-MBX-APIKEY': key } })
  const body = await r.json()
  if (r.status !== 200) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(body)}`)
  return body
}

const stop = (i) => (90 + i * 0.01).toFixed(2)
const limit = (i) => (89.5 + i * 0.01).toFixed(2)
const stopOrder = (id, i) => ({ symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_LOSS_LIMIT', timeInForce: 'GTC', quantity: '0.5',
  price: limit(i), stopPrice: stop(i), newClientOrderId: id })

function summary (name, gaps, wall) {
  const sorted = [...gaps].sort((a, b) => a - b)
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length
  const p = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  console.log(`${name.padEnd(15)} moves ${gaps.length}  without a stop: mean ${mean.toFixed(1)} ms, median ${p(0.5)} ms,` +
    ` p95 ${p(0.95)} ms, max ${sorted[sorted.length - 1]} ms  (client time per move ${(wall / gaps.length).toFixed(1)} ms)`)
}

/** The venue's gap between each cancel (the old order's updateTime) and the next order's creation. */
async function gaps (prefix) {
  const all = (await call('GET', '/api/v3/allOrders', { symbol: 'BTCUSDT', limit: 1000 }))
    .filter(o => o.clientOrderId.startsWith(prefix))
  const out = []
  for (let i = 1; i < all.length; i++) out.push(all[i].time - all[i - 1].updateTime)
  return out
}

await call('POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '2' })

let t = Date.now()
await call('POST', '/api/v3/order', stopOrder('cp-0', 0))
for (let i = 1; i <= moves; i++) {
  await call('DELETE', '/api/v3/order', { symbol: 'BTCUSDT', origClientOrderId: `cp-${i - 1}` })
  await call('POST', '/api/v3/order', stopOrder(`cp-${i}`, i))
}
summary('cancel+place', await gaps('cp-'), Date.now() - t)

t = Date.now()
await call('POST', '/api/v3/order', stopOrder('cr-0', 0))
for (let i = 1; i <= moves; i++) {
  await call('POST', '/api/v3/order/cancelReplace', { ...stopOrder(`cr-${i}`, i), cancelReplaceMode: 'STOP_ON_FAILURE',
    cancelRestrictions: 'ONLY_NEW', cancelOrigClientOrderId: `cr-${i - 1}` })
}
summary('cancel-replace', await gaps('cr-'), Date.now() - t)

// The venue moves a trailing stop itself: the market rises one tick per move and no order request is sent.
// After each tick the stop is asked for (GET /api/v3/order): a move's time without a stop is 0 when it is
// still the same open order, else the time since the tick until it was seen open again (never, here: the run
// fails). At the end the price falls just over the trail below the top, but above the trail below the start:
// the stop must trigger, which proves the venue moved it all the way up.
t = Date.now()
const delta = 1000
await call('POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_LOSS_LIMIT', timeInForce: 'GTC',
  quantity: '0.5', price: '80', trailingDelta: delta, newClientOrderId: 'vt-0' })
const setPrice = (p) => fetch(`${base}/control/price?symbol=BTCUSDT&price=${p}`, { method: 'POST' })
const venueGaps = []
for (let i = 1; i <= moves; i++) {
  const tick = Date.now()
  await setPrice((100 + i * 0.01).toFixed(2))
  const o = await call('GET', '/api/v3/order', { symbol: 'BTCUSDT', origClientOrderId: 'vt-0' })
  if (o.status !== 'NEW' || String(o.trailingDelta) !== String(delta)) {
    throw new Error(`move ${i}: the trailing stop is ${o.status} (${JSON.stringify(o)})`)
  }
  venueGaps.push(o.clientOrderId === 'vt-0' ? 0 : Date.now() - tick)
}
const wall = Date.now() - t
const replaced = (await gaps('vt-')).length
if (replaced !== 0) throw new Error(`the venue-trailed stop was replaced ${replaced} times`)
const top = 100 + moves * 0.01
const fall = Math.floor((top * (1 - delta / 10000) - 0.01) * 100) / 100
if (fall <= 100 * (1 - delta / 10000)) throw new Error(`too few moves to tell the trail moved (fall to ${fall})`)
await setPrice(fall.toFixed(2))
const after = await call('GET', '/api/v3/order', { symbol: 'BTCUSDT', origClientOrderId: 'vt-0' })
if (after.status !== 'FILLED') throw new Error(`a fall to ${fall} did not trigger the stop trailed to ${top}: ${after.status}`)
summary('venue trailing', venueGaps, wall)
console.log(`venue trailing: 1 order for ${moves} moves (0 cancel, 0 place); a fall to ${fall.toFixed(2)} (${delta} bips` +
  ` below the top ${top.toFixed(2)}, above ${delta} bips below the start) filled it at ${after.cummulativeQuoteQty / after.executedQty}`)
