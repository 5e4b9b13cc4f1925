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

// The venue moves a trailing stop itself: the market rises one tick per move and no request is sent.
t = Date.now()
await call('POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_LOSS_LIMIT', timeInForce: 'GTC',
  quantity: '0.5', price: '80', trailingDelta: 1000, newClientOrderId: 'vt-0' })
for (let i = 1; i <= moves; i++) {
  await fetch(`${base}/control/price?symbol=BTCUSDT&price=${(100 + i * 0.01).toFixed(2)}`, { method: 'POST' })
}
const trailing = await call('GET', '/api/v3/order', { symbol: 'BTCUSDT', origClientOrderId: 'vt-0' })
if (trailing.status !== 'NEW') throw new Error(`the trailing stop is ${trailing.status}`)
summary('venue trailing', Array(moves).fill(0), Date.now() - t)
