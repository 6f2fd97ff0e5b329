import { useEffect, useState } from 'react';
import { moved } from './ReorderButtons';
import { useRecordWrite, type RecordWrite } from './useRecordWrite';

type Written = Promise<{ meetingVersion: number }>;

/** The part's own channels, each already bound to its meeting (the tab supplies them typed). */
export interface OrderedPartChannels<Row, Fields> {
  add: (version: number, fields: Fields) => Written;
  update: (version: number, row: Row, fields: Fields) => Written;
  remove: (version: number, row: Row) => Written;
  reorder: (version: number, ids: string[]) => Written;
}

export interface OrderedPart<Row, Fields> {
  write: RecordWrite;
  editing: Row | 'new' | null;
  setEditing: (row: Row | 'new' | null) => void;
  removing: Row | null;
  setRemoving: (row: Row | null) => void;
  save: (fields: Fields) => Promise<void>;
  remove: (row: Row) => Promise<void>;
  move: (rows: Row[], from: number, to: number) => Promise<void>;
}

/**
 * An ordered list that is part of a meeting (conclusions, document references): the version the list
 * was loaded at goes to the tab host, and add / edit / remove / reorder each run as one versioned write
 * followed by a reload of the list.
 */
export function useOrderedPart<Row extends { id: string }, Fields>(
  version: number,
  onVersion: (v: number) => void,
  list: { listVersion: number | undefined; reload: () => void },
  channels: OrderedPartChannels<Row, Fields>,
): OrderedPart<Row, Fields> {
  const write = useRecordWrite(version, onVersion);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [removing, setRemoving] = useState<Row | null>(null);
  const { listVersion, reload } = list;

  useEffect(() => {
    if (listVersion !== undefined) onVersion(listVersion);
  }, [listVersion, onVersion]);

  async function save(fields: Fields) {
    const row = editing === 'new' ? null : editing;
    const done = await write.run((v) => (row ? channels.update(v, row, fields) : channels.add(v, fields)));
    if (done) {
      setEditing(null);
      reload();
    }
  }

  async function remove(row: Row) {
    const done = await write.run((v) => channels.remove(v, row));
    setRemoving(null);
    if (done) reload();
  }

  async function move(rows: Row[], from: number, to: number) {
    const done = await write.run((v) => channels.reorder(v, moved(rows, from, to)));
    if (done) reload();
  }

  return { write, editing, setEditing, removing, setRemoving, save, remove, move };
}
