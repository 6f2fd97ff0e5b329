import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { meetingFilesOf, type MeetingFilesOptions } from './meetingFiles';

/**
 * A worker thread of an export (meetingFilesPool.ts): opens the export's snapshot read-only with its own
 * connection and turns each batch of meeting ids it is sent into the batch's files. Nothing here writes:
 * the bag is written by the export's own thread, through its DestFs.
 */
export interface MeetingFilesWorkerData {
  snapshot: string;
  nativeBinding?: string;
  options: MeetingFilesOptions;
}

/**
 * A batch asked of the worker, or the end: the worker then closes its connection (Windows cannot delete
 * the snapshot while a connection maps it) and exits.
 */
export type MeetingFilesRequest = { seq: number; ids: string[] } | { close: true };

const data = workerData as MeetingFilesWorkerData;
const port = parentPort!;
const db = new Database(data.snapshot, {
  readonly: true,
  fileMustExist: true,
  nativeBinding: data.nativeBinding,
});
// The snapshot is a private copy on the local disk that nothing writes to while the worker reads it:
// mapping it saves a system call per page read (about a third of the reading time at 100 000 meetings).
db.pragma('mmap_size = 4294967296');
port.postMessage({ ready: true });
port.on('message', (msg: MeetingFilesRequest) => {
  if ('close' in msg) {
    db.close();
    port.close();
    return;
  }
  try {
    const batch = meetingFilesOf({ sqlite: db }, msg.ids, data.options);
    port.postMessage({ seq: msg.seq, batch }, [batch.bytes.buffer as ArrayBuffer]);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    port.postMessage({ seq: msg.seq, error: { message: err.message, code: err.code, name: err.name } });
  }
});
