// The official @binance/connector against 'tradevault paper-exchange serve'. Only the base URL is set.
// Usage: node connector.mjs BASE_URL strict|stop-loss   (API key and secret in PAPER_API_KEY / PAPER_API_SECRET)
import { Spot } from '@binance/connector'
import { equal, step, rejects, setPrice, finish } from './checks.mjs'

const [base, mode] = process.argv.slice(2)
const key = process.env.PAPER_API_KEY
const secret = process.env.PAPER_API_SECRET
const client = new Spot(key, secret, { baseURL: base })
const S = 'BTCUSDT'
const STRICT = ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT']
const ALL = ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT']

function apiError (e) {
  return e && e.response ? { status: e.response.status, ...e.response.data } : { thrown: String(e) }
}

await step('time', async () => {
  const r = await client.time()
  equal('serverTime is now', Math.abs(r.data.serverTime - Date.now()) < 5000, true)
  equal('weight header of time', r.headers['x-mbx-used-weight-1m'] !== undefined, true)
})

await step('exchangeInfo', async () => {
  const one = (await client.exchangeInfo({ symbol: S })).data.symbols
  equal('exchangeInfo symbol', one.map(s => s.symbol), [S])
  equal('orderTypes', one[0].orderTypes, mode === 'strict' ? STRICT : ALL)
  equal('allowTrailingStop', one[0].allowTrailingStop, true)
  equal('cancelReplaceAllowed', one[0].cancelReplaceAllowed, true)
  equal('filters', one[0].filters.map(f => f.filterType),
    ['PRICE_FILTER', 'LOT_SIZE', 'TRAILING_DELTA', 'PERCENT_PRICE_BY_SIDE', 'NOTIONAL'])
  const several = (await client.exchangeInfo({ symbols: [S, 'ETHUSDT'] })).data.symbols
  equal('exchangeInfo symbols=', several.map(s => s.symbol), [S, 'ETHUSDT'])
})

await step('prices', async () => {
  equal('ticker/price one', (await client.tickerPrice(S)).data, { symbol: S, price: '100.00000000' })
  equal('ticker/price several', (await client.tickerPrice('', [S, 'ETHUSDT'])).data,
    [{ symbol: S, price: '100.00000000' }, { symbol: 'ETHUSDT', price: '100.00000000' }])
  equal('ticker/price all', (await client.tickerPrice()).data.map(p => p.symbol), [S, 'ETHUSDT'])
  const t = (await client.ticker24hr(S)).data
  equal('24hr ticker', [t.symbol, t.lastPrice, t.openPrice, t.priceChange, t.count], [S, '100.00000000', '100.00000000', '0.00000000', 0])
  equal('24hr tickers symbols=', (await client.ticker24hr('', [S, 'ETHUSDT'])).data.map(x => x.symbol), [S, 'ETHUSDT'])
  equal('avgPrice', (await client.avgPrice(S)).data, { mins: 5, price: '100.00000000' })
  const k = (await client.klines(S, '1m', { limit: 5 })).data
  equal('klines shape', [k.length >= 1, k[k.length - 1].length, k[k.length - 1][4]], [true, 12, '100.00000000'])
})

await step('account', async () => {
  const balances = (await client.account()).data.balances
  equal('account balances', balances.map(b => [b.asset, b.free, b.locked]),
    [['BTC', '1.00000000', '0.00000000'], ['ETH', '1.00000000', '0.00000000'], ['USDT', '10000.00000000', '0.00000000']])
})

const trades = []
await step('market buy by quantity (FULL by default)', async () => {
  const r = await client.newOrder(S, 'BUY', 'MARKET', { quantity: 0.1, newClientOrderId: 'c-buy' })
  const o = r.data
  equal('market FULL', [o.clientOrderId, o.status, o.executedQty, o.cummulativeQuoteQty, o.fills.length],
    ['c-buy', 'FILLED', '0.10000000', '10.00000000', 1])
  equal('market fill', [o.fills[0].price, o.fills[0].qty, o.fills[0].commission, o.fills[0].commissionAsset],
    ['100.00000000', '0.10000000', '0.00010000', 'BTC'])
  equal('order count header', r.headers['x-mbx-order-count-10s'], '1')
  trades.push(o.fills[0].tradeId)
})

await step('market buy by quoteOrderQty', async () => {
  const o = (await client.newOrder(S, 'BUY', 'MARKET', { quoteOrderQty: 25.55, newClientOrderId: 'c-quote' })).data
  equal('quote order', [o.status, o.executedQty, o.cummulativeQuoteQty], ['FILLED', '0.25500000', '25.50000000'])
  trades.push(o.fills[0].tradeId)
})

await step('STOP_LOSS with a client id', async () => {
  if (mode === 'strict') {
    const e = await rejects('STOP_LOSS refused', () => client.newOrder(S, 'SELL', 'STOP_LOSS',
      { quantity: 0.1, stopPrice: 95, newClientOrderId: 'c-sl' }))
    equal('STOP_LOSS -1013', apiError(e), { status: 400, code: -1013, msg: 'Stop loss orders are not supported for this symbol.' })
  } else {
    const o = (await client.newOrder(S, 'SELL', 'STOP_LOSS', { quantity: 0.1, stopPrice: 95, newClientOrderId: 'c-sl' })).data
    equal('STOP_LOSS ACK', Object.keys(o), ['symbol', 'orderId', 'orderListId', 'clientOrderId', 'transactTime'])
    equal('STOP_LOSS id', o.clientOrderId, 'c-sl')
    equal('STOP_LOSS cancelled', (await client.cancelOrder(S, { origClientOrderId: 'c-sl' })).data.status, 'CANCELED')
  }
})

await step('STOP_LOSS_LIMIT, query and open orders by client id', async () => {
  const o = (await client.newOrder(S, 'SELL', 'STOP_LOSS_LIMIT', { quantity: 0.1, price: 94.5, stopPrice: 95,
    timeInForce: 'GTC', newClientOrderId: 'c-sll' })).data
  equal('STOP_LOSS_LIMIT ACK', [o.clientOrderId, o.orderListId], ['c-sll', -1])
  const q = (await client.getOrder(S, { origClientOrderId: 'c-sll' })).data
  equal('query', [q.status, q.type, q.price, q.stopPrice, q.isWorking, q.workingTime],
    ['NEW', 'STOP_LOSS_LIMIT', '94.50000000', '95.00000000', false, -1])
  equal('open orders', (await client.openOrders({ symbol: S })).data.map(x => x.clientOrderId), ['c-sll'])
})

await step('cancel-replace', async () => {
  const r = (await client.cancelAndReplace(S, 'SELL', 'STOP_LOSS_LIMIT', 'STOP_ON_FAILURE', { cancelOrigClientOrderId: 'c-sll',
    cancelRestrictions: 'ONLY_NEW', quantity: 0.1, price: 96.5, stopPrice: 97, timeInForce: 'GTC', newClientOrderId: 'c-sll2' })).data
  equal('cancel-replace success', [r.cancelResult, r.newOrderResult, r.cancelResponse.status,
    r.cancelResponse.origClientOrderId, r.newOrderResponse.clientOrderId], ['SUCCESS', 'SUCCESS', 'CANCELED', 'c-sll', 'c-sll2'])
  const failed = await rejects('cancel of a cancelled order', () => client.cancelAndReplace(S, 'SELL', 'STOP_LOSS_LIMIT',
    'STOP_ON_FAILURE', { cancelOrigClientOrderId: 'c-gone', quantity: 0.1, price: 96.5, stopPrice: 97, timeInForce: 'GTC' }))
  equal('-2022', apiError(failed), { status: 400, code: -2022, msg: 'Order cancel-replace failed.',
    data: { cancelResult: 'FAILURE', newOrderResult: 'NOT_ATTEMPTED', cancelResponse: { code: -2011, msg: 'Unknown order sent.' }, newOrderResponse: null } })
  const partly = await rejects('new order refused', () => client.cancelAndReplace(S, 'SELL', 'STOP_LOSS_LIMIT',
    'STOP_ON_FAILURE', { cancelOrigClientOrderId: 'c-sll2', quantity: 0.1, price: 100.5, stopPrice: 101, timeInForce: 'GTC' }))
  const e = apiError(partly)
  equal('-2021', [e.status, e.code, e.msg, e.data.cancelResult, e.data.newOrderResult, e.data.cancelResponse.status, e.data.newOrderResponse],
    [400, -2021, 'Order cancel-replace partially failed.', 'SUCCESS', 'FAILURE', 'CANCELED', { code: -2010, msg: 'Stop price would trigger immediately.' }])
})

await step('cancel by client id, and a client id used again once its order is final', async () => {
  await client.newOrder(S, 'SELL', 'STOP_LOSS_LIMIT', { quantity: 0.1, price: 94.5, stopPrice: 95, timeInForce: 'GTC', newClientOrderId: 'c-sll' })
  const c = (await client.cancelOrder(S, { origClientOrderId: 'c-sll', newClientOrderId: 'c-cancel' })).data
  equal('cancel', [c.status, c.origClientOrderId, c.clientOrderId], ['CANCELED', 'c-sll', 'c-cancel'])
  equal('cancel again', apiError(await rejects('cancel again', () => client.cancelOrder(S, { origClientOrderId: 'c-sll' }))),
    { status: 400, code: -2011, msg: 'Unknown order sent.' })
})

await step('trailing stop', async () => {
  await client.newOrder(S, 'SELL', 'STOP_LOSS_LIMIT', { quantity: 0.1, price: 90, trailingDelta: 200, timeInForce: 'GTC', newClientOrderId: 'c-trail' })
  await setPrice(base, S, '110')
  await setPrice(base, S, '107.8')
  const q = (await client.getOrder(S, { origClientOrderId: 'c-trail' })).data
  equal('trailed and filled', [q.trailingDelta, q.status, q.executedQty], [200, 'FILLED', '0.10000000'])
  await setPrice(base, S, '100')
})

await step('myTrades and allOrders', async () => {
  const all = (await client.myTrades(S)).data
  equal('myTrades ascending', all.map(t => t.id), [...all.map(t => t.id)].sort((a, b) => a - b))
  equal('myTrades', all.length, 3)
  equal('myTrades newest first', (await client.myTrades(S, { limit: 1 })).data.map(t => t.id), [all[2].id])
  equal('myTrades fromId', (await client.myTrades(S, { fromId: all[0].id, limit: 2 })).data.map(t => t.id), [all[0].id, all[1].id])
  const orders = (await client.allOrders(S)).data
  equal('allOrders', orders.map(o => o.clientOrderId), mode === 'strict'
    ? ['c-buy', 'c-quote', 'c-sll', 'c-sll2', 'c-sll', 'c-trail']
    : ['c-buy', 'c-quote', 'c-sl', 'c-sll', 'c-sll2', 'c-sll', 'c-trail'])
  equal('allOrders newest', (await client.allOrders(S, { limit: 2 })).data.map(o => o.clientOrderId), ['c-sll', 'c-trail'])
  equal('allOrders paging', (await client.allOrders(S, { orderId: orders[1].orderId, limit: 2 })).data.map(o => o.orderId),
    [orders[1].orderId, orders[2].orderId])
})

await step('documented errors', async () => {
  equal('-1121', apiError(await rejects('bad symbol', () => client.tickerPrice('NOPEUSDT'))),
    { status: 400, code: -1121, msg: 'Invalid symbol.' })
  equal('-1013 LOT_SIZE', apiError(await rejects('lot', () => client.newOrder(S, 'BUY', 'MARKET', { quantity: 0.0001 }))),
    { status: 400, code: -1013, msg: 'Filter failure: LOT_SIZE' })
  equal('-2010 balance', apiError(await rejects('balance', () => client.newOrder(S, 'BUY', 'MARKET', { quantity: 1000 }))),
    { status: 400, code: -2010, msg: 'Account has insufficient balance for requested action.' })
  equal('-1102', apiError(await rejects('no quantity', () => client.newOrder(S, 'BUY', 'MARKET'))),
    { status: 400, code: -1102, msg: "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty!" })
  equal('-2013', apiError(await rejects('no order', () => client.getOrder(S, { origClientOrderId: 'c-none' }))),
    { status: 400, code: -2013, msg: 'Order does not exist.' })
  equal('-1145', apiError(await rejects('restriction', () => client.cancelOrder(S, { origClientOrderId: 'c-x', cancelRestrictions: 'SOMETIMES' }))),
    { status: 400, code: -1145, msg: 'Invalid cancelRestrictions' })
  await client.newOrder(S, 'BUY', 'LIMIT', { quantity: 0.1, price: 90, timeInForce: 'GTC', newClientOrderId: 'c-dup' })
  equal('-2010 duplicate', apiError(await rejects('dup', () => client.newOrder(S, 'BUY', 'LIMIT',
    { quantity: 0.1, price: 90, timeInForce: 'GTC', newClientOrderId: 'c-dup' }))), { status: 400, code: -2010, msg: 'Duplicate order sent.' })
  const wrongSecret = new Spot(key, secret + 'x', { baseURL: base })
  equal('-1022', apiError(await rejects('signature', () => wrongSecret.account())),
    { status: 400, code: -1022, msg: 'Signature for this request is not valid.' })
  const wrongKey = new Spot(key + 'x', secret, { baseURL: base })
  equal('-2015', apiError(await rejects('key', () => wrongKey.account())),
    { status: 401, code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' })
})

finish('@binance/connector')
