// ccxt's binance against 'tradevault paper-exchange serve'. Only the base URL is set, and options that keep
// ccxt to spot (no futures, margin or wallet calls).
// Usage: node ccxt.mjs BASE_URL strict|stop-loss   (API key and secret in PAPER_API_KEY / PAPER_API_SECRET)
import ccxt from 'ccxt'
import { equal, step, rejects, setPrice, finish } from './checks.mjs'

const [base, mode] = process.argv.slice(2)
const exchange = new ccxt.binance({
  apiKey: process.env.PAPER_API_KEY,
  secret: process.env.PAPER_API_SECRET,
  urls: { api: { public: `${base}/api/v3`, private: `${base}/api/v3` } },
  options: { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, fetchMargins: false }
})
const S = 'BTC/USDT'

function venueError (e) {
  return e ? [e.constructor.name, e.message] : undefined
}

await step('markets and time', async () => {
  const markets = await exchange.loadMarkets()
  equal('markets', Object.keys(markets).sort(), ['BTC/USDT', 'ETH/USDT'])
  equal('order types', markets[S].info.orderTypes, mode === 'strict'
    ? ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT']
    : ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT'])
  equal('precision and limits', [markets[S].precision.amount, markets[S].precision.price, markets[S].limits.cost.min],
    [0.001, 0.01, 5])
  equal('time', Math.abs(await exchange.fetchTime() - Date.now()) < 5000, true)
})

await step('prices', async () => {
  const t = await exchange.fetchTicker(S)
  equal('24h ticker', [t.symbol, t.last, t.open, t.change], [S, 100, 100, 0])
  equal('tickers symbols=', Object.keys(await exchange.fetchTickers([S, 'ETH/USDT'])).sort(), [S, 'ETH/USDT'])
  equal('tickers all', Object.keys(await exchange.fetchTickers()).sort(), [S, 'ETH/USDT'])
  equal('last prices', Object.values(await exchange.fetchLastPrices([S])).map(p => p.price), [100])
  equal('avgPrice', await exchange.publicGetAvgPrice({ symbol: 'BTCUSDT' }), { mins: 5, price: '100.00000000' })
  const candles = await exchange.fetchOHLCV(S, '1m', undefined, 5)
  equal('klines', [candles.length >= 1, candles[candles.length - 1][4]], [true, 100])
})

await step('balance', async () => {
  const b = await exchange.fetchBalance()
  equal('balance', [b.USDT.free, b.BTC.total, b.ETH.used], [10000, 1, 0])
})

await step('market buys by amount and by cost', async () => {
  const o = await exchange.createOrder(S, 'market', 'buy', 0.1, undefined, { clientOrderId: 'x-buy' })
  equal('market buy', [o.clientOrderId, o.status, o.filled, o.cost, o.trades.length, o.fee.currency], ['x-buy', 'closed', 0.1, 10, 1, 'BTC'])
  const c = await exchange.createMarketBuyOrderWithCost(S, 25.55, { clientOrderId: 'x-cost' })
  equal('buy with cost', [c.status, c.filled, c.cost], ['closed', 0.255, 25.5])
})

await step('STOP_LOSS', async () => {
  if (mode === 'strict') {
    const e = await rejects('STOP_LOSS refused', () => exchange.createOrder(S, 'STOP_LOSS', 'sell', 0.1, undefined,
      { stopPrice: 95, clientOrderId: 'x-sl' }))
    equal('ccxt refuses what exchangeInfo does not list', venueError(e),
      ['InvalidOrder', 'binance STOP_LOSS is not a valid order type for the BTC/USDT market'])
    const raw = await rejects('STOP_LOSS sent as is', () => exchange.privatePostOrder({ symbol: 'BTCUSDT', side: 'SELL',
      type: 'STOP_LOSS', quantity: '0.1', stopPrice: '95', newClientOrderId: 'x-sl' }))
    equal('STOP_LOSS -1013', venueError(raw),
      ['BadRequest', 'binance {"code":-1013,"msg":"Stop loss orders are not supported for this symbol."}'])
  } else {
    const o = await exchange.createOrder(S, 'STOP_LOSS', 'sell', 0.1, undefined, { stopPrice: 95, clientOrderId: 'x-sl' })
    equal('STOP_LOSS placed', [o.clientOrderId, o.id !== undefined], ['x-sl', true])
    await exchange.cancelOrder(undefined, S, { clientOrderId: 'x-sl' })
  }
})

await step('STOP_LOSS_LIMIT, query, open orders, edit (cancel-replace), cancel', async () => {
  const placed = await exchange.createOrder(S, 'STOP_LOSS_LIMIT', 'sell', 0.1, 94.5, { stopPrice: 95, clientOrderId: 'x-sll' })
  equal('placed', placed.clientOrderId, 'x-sll')
  const q = await exchange.fetchOrder(undefined, S, { clientOrderId: 'x-sll' })
  equal('query by client id', [q.status, q.type, q.info.type, q.price, q.triggerPrice, q.amount],
    ['open', 'limit', 'STOP_LOSS_LIMIT', 94.5, 95, 0.1])
  equal('open orders', (await exchange.fetchOpenOrders(S)).map(o => o.clientOrderId), ['x-sll'])
  const edited = await exchange.editOrder(q.id, S, 'STOP_LOSS_LIMIT', 'sell', 0.1, 96.5,
    { stopPrice: 97, clientOrderId: 'x-sll2' })
  equal('edited', [edited.clientOrderId, edited.price], ['x-sll2', 96.5])
  equal('open after edit', (await exchange.fetchOpenOrders(S)).map(o => [o.clientOrderId, o.triggerPrice]), [['x-sll2', 97]])
  const c = await exchange.cancelOrder(undefined, S, { clientOrderId: 'x-sll2' })
  equal('cancelled', c.status, 'canceled')
  equal('cancel again', venueError(await rejects('cancel again', () => exchange.cancelOrder(undefined, S, { clientOrderId: 'x-sll2' }))),
    ['OrderNotFound', 'binance {"code":-2011,"msg":"Unknown order sent."}'])
})

await step('trailing stop moved by the venue', async () => {
  await exchange.createOrder(S, 'STOP_LOSS_LIMIT', 'sell', 0.1, 90, { trailingDelta: 200, clientOrderId: 'x-trail' })
  await setPrice(base, 'BTCUSDT', '110')
  await setPrice(base, 'BTCUSDT', '107.8')
  const q = await exchange.fetchOrder(undefined, S, { clientOrderId: 'x-trail' })
  equal('trailed', [q.status, q.filled, q.info.trailingDelta], ['closed', 0.1, 200])
  await setPrice(base, 'BTCUSDT', '100')
})

await step('my trades and all orders', async () => {
  const trades = await exchange.fetchMyTrades(S)
  equal('my trades', trades.map(t => t.amount), [0.1, 0.255, 0.1])
  equal('my trades newest', (await exchange.fetchMyTrades(S, undefined, 1)).map(t => t.id), [trades[2].id])
  const orders = await exchange.fetchOrders(S)
  equal('all orders', orders.map(o => o.clientOrderId), mode === 'strict'
    ? ['x-buy', 'x-cost', 'x-sll', 'x-sll2', 'x-trail'] : ['x-buy', 'x-cost', 'x-sl', 'x-sll', 'x-sll2', 'x-trail'])
  equal('all orders newest', (await exchange.fetchOrders(S, undefined, 2)).map(o => o.clientOrderId), ['x-sll2', 'x-trail'])
  equal('all orders paged', (await exchange.fetchOrders(S, undefined, 2, { orderId: orders[0].id })).map(o => o.clientOrderId),
    ['x-buy', 'x-cost'])
})

await step('documented errors', async () => {
  equal('insufficient', venueError(await rejects('balance', () => exchange.createOrder(S, 'market', 'buy', 1000))),
    ['InsufficientFunds', 'binance Account has insufficient balance for requested action.'])
  equal('would trigger', venueError(await rejects('trigger', () => exchange.createOrder(S, 'STOP_LOSS_LIMIT', 'sell', 0.1, 100.5,
    { stopPrice: 101 }))), ['OrderImmediatelyFillable', 'binance Stop price would trigger immediately.'])
  await exchange.createOrder(S, 'limit', 'buy', 0.1, 90, { clientOrderId: 'x-dup' })
  equal('duplicate', venueError(await rejects('dup', () => exchange.createOrder(S, 'limit', 'buy', 0.1, 90, { clientOrderId: 'x-dup' }))),
    ['InvalidOrder', 'binance {"code":-2010,"msg":"Duplicate order sent."}'])
  equal('unknown order', venueError(await rejects('unknown', () => exchange.fetchOrder(undefined, S, { clientOrderId: 'x-none' }))),
    ['OrderNotFound', 'binance {"code":-2013,"msg":"Order does not exist."}'])
})

finish('ccxt')
