// An independent SQLCipher 4 reader for the replica restore tests: Zetetic's SQLCipher (the
// @signalapp/sqlcipher build), not the SQLite3MultipleCiphers inside our JDBC driver.
// Usage: node sqlcipher-reader.cjs LEDGER  with the key text (x'..hex..' or a passphrase) on stdin,
// so that it never appears in a process argument. Prints JSON: {cipher, integrity, counts: {table: n}}.
'use strict';
const { Database } = require('@signalapp/sqlcipher');

const key = require('fs').readFileSync(0, 'utf8').trim();
const db = new Database(process.argv[2]);
db.exec(`PRAGMA key = "${key.replace(/"/g, '""')}"`);
db.exec('PRAGMA cipher_compatibility = 4');
const one = (sql) => Object.values(db.prepare(sql).all()[0])[0];
const integrity = one('PRAGMA integrity_check');
const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
const counts = {};
for (const { name } of tables) {
  counts[name] = one(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`);
}
console.log(JSON.stringify({ cipher: one('PRAGMA cipher_version'), integrity, counts }));
db.close();
