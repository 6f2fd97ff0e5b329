import { createHash } from 'node:crypto';
import type { Archive } from './open';
import { uuidv7 } from './ids';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  reason?: string;
  before?: unknown;
  after?: unknown;
}

interface ChainFields {
  id: string;
  at: number;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  reason: string;
  before: string | null;
  after: string | null;
}

export function auditHash(prevHash: string, f: ChainFields): string {
  const body = JSON.stringify([f.id, f.at, f.actor, f.action, f.entity, f.entityId, f.reason, f.before, f.after]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends one entry to the audit chain. Call it inside the transaction of the change it records, so the
 * entry and the change commit together or not at all.
 */
export function appendAudit(archive: Archive, input: AuditInput, now: number = Date.now()): void {
  const last = archive.sqlite.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { hash: string }
    | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: ChainFields = {
    id: uuidv7(now),
    at: now,
    actor: input.actor,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    reason: input.reason ?? '',
    before: input.before === undefined ? null : JSON.stringify(input.before),
    after: input.after === undefined ? null : JSON.stringify(input.after),
  };
  archive.sqlite
    .prepare(
      `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, reason, before, after, prev_hash, hash)
       VALUES (@id, @at, @actor, @action, @entity, @entityId, @reason, @before, @after, @prevHash, @hash)`,
    )
    .run({ ...fields, prevHash, hash: auditHash(prevHash, fields) });
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  /** seq of the first entry whose link or hash does not match. */
  firstBrokenSeq: number | null;
}

/** Walks the whole chain; the first entry whose prev_hash or hash does not match is reported. */
export function verifyAuditChain(archive: Pick<Archive, 'sqlite'>): ChainVerdict {
  let prev = GENESIS_HASH;
  let entries = 0;
  const rows = archive.sqlite
    .prepare(
      'SELECT seq, id, at, actor, action, entity, entity_id AS entityId, reason, before, after, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq',
    )
    .iterate() as IterableIterator<ChainFields & { seq: number; prevHash: string; hash: string }>;
  for (const row of rows) {
    entries++;
    if (row.prevHash !== prev || auditHash(prev, row) !== row.hash) return { ok: false, entries, firstBrokenSeq: row.seq };
    prev = row.hash;
  }
  return { ok: true, entries, firstBrokenSeq: null };
}
