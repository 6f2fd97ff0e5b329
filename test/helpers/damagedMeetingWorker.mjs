// A stand-in for services/archive/meetingFilesWorker.ts whose snapshot is damaged: every batch
// it is asked for fails as SQLite fails on a malformed page (exportWorkers.test.ts).
import { parentPort } from 'node:worker_threads';

parentPort.postMessage({ ready: true });
parentPort.on('message', (msg) => {
  if (msg.close) return parentPort.close();
  parentPort.postMessage({
    seq: msg.seq,
    error: { message: 'database disk image is malformed', code: 'SQLITE_CORRUPT', name: 'SqliteError' },
  });
});
