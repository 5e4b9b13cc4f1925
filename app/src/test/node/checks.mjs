// A small exact-assertion harness shared by the contract scripts: each check is named, compares with
// deep equality, and the script exits 1 at the end when any failed (every failure is printed).
import { isDeepStrictEqual, inspect } from 'node:util'

let passed = 0
const failures = []

export function equal (name, actual, expected) {
  if (isDeepStrictEqual(actual, expected)) {
    passed++
  } else {
    failures.push(`${name}: expected ${inspect(expected, { depth: 6 })} but was ${inspect(actual, { depth: 6 })}`)
  }
}

export async function step (name, fn) {
  try {
    await fn()
  } catch (e) {
    failures.push(`${name}: threw ${e && e.stack ? e.stack : e}`)
  }
}

export async function rejects (name, fn) {
  try {
    await fn()
  } catch (e) {
    return e
  }
  failures.push(`${name}: expected an error but the call succeeded`)
  return undefined
}

/** Sets a price through the paper server's own control endpoint (test setup, not a client call). */
export async function setPrice (base, symbol, price) {
  const r = await fetch(`${base}/control/price?symbol=${symbol}&price=${price}`, { method: 'POST' })
  if (r.status !== 200) throw new Error(`control/price answered ${r.status}`)
}

export function finish (client) {
  for (const f of failures) console.log(`FAIL ${f}`)
  console.log(`${client}: ${passed} checks passed, ${failures.length} failed`)
  process.exit(failures.length === 0 ? 0 : 1)
}
