import { parentPort, workerData } from 'node:worker_threads';
import { openSnapshotForReading } from '../../db/snapshot';
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
const db = openSnapshotForReading(data.snapshot, data.nativeBinding);
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
