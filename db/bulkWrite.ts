import type { Connection } from './open';

/**
 * Connection settings for a long run of inserts (the demo archive): a bigger page cache keeps the
 * secondary indexes (by person, by title…) in memory while they take inserts, and checkpointing less
 * often copies each hot page to the file once per many transactions rather than once per transaction.
 * Neither touches durability: synchronous=FULL still syncs every commit. Returns the function that puts
 * the connection's own settings back and folds the (now larger) WAL into the file.
 */
export function beginBulkWrites(sqlite: Connection, o: { cacheKib: number; checkpointPages: number }): () => void {
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const autoCheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${o.cacheKib > Math.abs(cacheSize) ? -o.cacheKib : cacheSize}`);
  sqlite.pragma(`wal_autocheckpoint = ${Math.max(autoCheckpoint, o.checkpointPages)}`);
  return () => {
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    // The archive is whole on disk when the run returns: a clerk may copy archive.sqlite next. Best
    // effort: a reader holding the WAL just means a later checkpoint.
    try {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // the next automatic checkpoint will do it
    }
  };
}
