import { LOCK_KEYS, takeWriteLock } from '../../db/dialect.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLogTable } from '../../db/schema.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';

/**
 * The audit log: append-only (database triggers refuse UPDATE/DELETE on both engines) and
 * hash-chained with a keyed MAC, so an edited, inserted or removed row breaks the chain from that
 * point on. Entries never hold unmasked personal data: callers pass masked values or ids.
 */
export interface Actor {
  id: number | null;
  name: string;
  role: string | null;
  ip: string;
}

export type Outcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectIds?: readonly (string | number)[];
  outcome?: Outcome;
  detail?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

type Row = Omit<AuditLogTable, 'id'> & { id: number };

function canonical(row: Omit<Row, 'hash'>): string {
  return JSON.stringify([
    row.id, row.at, row.actor_id, row.actor_name, row.actor_role, row.ip, row.action,
    row.object_type, row.object_ids, row.outcome, row.detail, row.prev_hash,
  ]);
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first row whose link is broken, and why. */
  firstBroken?: { id: number; reason: string };
}

export class AuditLogService {
  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
  ) {}

  /** Appends inside the caller's transaction, so the record and its log entry commit together. */
  async append(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
    await this.appendAll(tx, [{ actor, entry }]);
  }

  /** Appends entries in order, chained one to the next, in one statement. */
  private async appendAll(tx: Db, entries: readonly { actor: Actor; entry: AuditEntry }[]): Promise<void> {
    await takeWriteLock(tx, LOCK_KEYS.auditChain);
    const last = await tx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    let id = last?.id ?? 0;
    let prev = last?.hash ?? GENESIS_HASH;
    const at = new Date().toISOString();
    const rows = entries.map(({ actor, entry }) => {
      const row: Omit<Row, 'hash'> = {
        id: ++id,
        at,
        actor_id: actor.id,
        actor_name: actor.name,
        actor_role: actor.role,
        ip: actor.ip,
        action: entry.action,
        object_type: entry.objectType ?? null,
        object_ids: JSON.stringify(entry.objectIds ?? []),
        outcome: entry.outcome ?? 'success',
        detail: JSON.stringify(entry.detail ?? {}),
        prev_hash: prev,
      };
      prev = this.crypto.chainMac(canonical(row));
      return { ...row, hash: prev };
    });
    await tx.insertInto('audit_log').values(rows).execute();
  }

  private waiting: { actor: Actor; entry: AuditEntry; done: (error?: unknown) => void }[] = [];
  private flushing = false;

  /**
   * Appends in a transaction of its own: for reads, refusals and failed logins. Entries that arrive
   * together are written together (group commit): each caller still waits until its entry is
   * committed, but fifty concurrent searches cost one transaction, not fifty — the log's chain
   * makes every append take the same lock, so one at a time was the slowest part of a search.
   * The group is written once the current turn of the event loop is done (setImmediate).
   */
  record(actor: Actor, entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ actor, entry, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.flushing) {
        this.flushing = true;
        // After the requests of this turn of the event loop have queued theirs: with SQLite every
        // query returns at once, so a request reaches this point before the next one has started,
        // and an immediate flush wrote groups of one.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    // Whatever is queued while one group is being written forms the next group.
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, 500);
      try {
        await this.db.transaction().execute((tx) => this.appendAll(tx, group));
        for (const w of group) w.done();
      } catch (error) {
        for (const w of group) w.done(error ?? new Error('audit log append failed'));
      }
    }
    this.flushing = false;
  }

  async verify(onProgress?: (checked: number, total: number) => void): Promise<VerifyResult> {
    const { total } = await this.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    let prevHash = GENESIS_HASH;
    let expectedId = 1;
    let checked = 0;
    for (;;) {
      const rows = await this.db.selectFrom('audit_log').selectAll().where('id', '>=', expectedId).orderBy('id').limit(2000).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.id !== expectedId) return { ok: false, checked, firstBroken: { id: expectedId, reason: `第 ${expectedId} 条缺失（下一条为第 ${row.id} 条）` } };
        if (row.prev_hash !== prevHash) return { ok: false, checked, firstBroken: { id: row.id, reason: '与上一条的链接不符' } };
        const { hash, ...rest } = row;
        if (this.crypto.chainMac(canonical(rest)) !== hash) return { ok: false, checked, firstBroken: { id: row.id, reason: '内容与校验值不符（记录被改动）' } };
        prevHash = hash;
        expectedId += 1;
        checked += 1;
      }
      onProgress?.(checked, Number(total));
    }
    return { ok: true, checked };
  }

  async list(options: { limit: number; beforeId?: number | undefined; action?: string | undefined; actorId?: number | undefined }) {
    let q = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(options.limit);
    if (options.beforeId) q = q.where('id', '<', options.beforeId);
    if (options.action) q = q.where('action', '=', options.action);
    if (options.actorId) q = q.where('actor_id', '=', options.actorId);
    return (await q.execute()).map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRole: r.actor_role,
      ip: r.ip,
      action: r.action,
      objectType: r.object_type,
      objectIds: JSON.parse(r.object_ids) as (string | number)[],
      outcome: r.outcome as Outcome,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }
}
