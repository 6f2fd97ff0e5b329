import type Database from 'better-sqlite3';

/**
 * Prepared statements kept per connection and SQL text. better-sqlite3 compiles on every `prepare`
 * (tens of microseconds); a function called once per meeting — reading a record for the screen, for a
 * bag's JSON, for a merge — would otherwise compile the same few statements hundreds of thousands of
 * times in an export of a large archive. Only for fixed SQL text: a statement built from data (a list
 * of `?` marks of varying length) would grow the cache without bound.
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  let bySql = cache.get(sqlite);
  if (!bySql) {
    bySql = new Map();
    cache.set(sqlite, bySql);
  }
  let stmt = bySql.get(sql);
  if (!stmt) {
    stmt = sqlite.prepare(sql);
    bySql.set(sql, stmt);
  }
  return stmt;
}
