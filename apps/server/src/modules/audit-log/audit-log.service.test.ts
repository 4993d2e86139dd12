import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestServices, type TestDatabase } from '../../testing/harness.ts';

const actor = { id: null, name: 'tester', role: null, ip: '127.0.0.1' };

describe('audit log', () => {
  let services: Services;
  let database: TestDatabase;
  beforeAll(async () => {
    ({ services, database } = await createTestServices());
  });
  afterAll(async () => database?.close());

  it('chains entries and verifies them', async () => {
    for (let i = 0; i < 5; i++) await services.auditLog.record(actor, { action: 'test.event', objectIds: [i], detail: { i } });
    expect(await services.auditLog.verify()).toEqual({ ok: true, checked: 5 });
  });

  it('keeps one chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => services.auditLog.record(actor, { action: 'test.concurrent', objectIds: [i] })));
    expect(await services.auditLog.verify()).toMatchObject({ ok: true, checked: 25 });
  });

  it('writes entries that arrive together in one group, each committed before its caller goes on', async () => {
    const seen: boolean[] = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        await services.auditLog.record(actor, { action: 'test.group', objectIds: [`g${i}`] });
        const row = await database.db.selectFrom('audit_log').select('id').where('object_ids', '=', JSON.stringify([`g${i}`])).executeTakeFirst();
        return row !== undefined;
      }),
    );
    expect(seen.every(Boolean)).toBe(true);
    // The first entry starts a transaction; the 59 queued behind it share the next one (and its time).
    const groups = await database.db.selectFrom('audit_log').select('at').distinct().where('action', '=', 'test.group').execute();
    expect(groups.length).toBeLessThanOrEqual(3);
    expect(await services.auditLog.verify()).toMatchObject({ ok: true, checked: 85 });
  });

  it('is refused UPDATE and DELETE by the database itself', async () => {
    await expect(database.db.updateTable('audit_log').set({ action: 'x' }).where('id', '=', 1).execute()).rejects.toThrow(/只能追加/);
    await expect(database.db.deleteFrom('audit_log').where('id', '=', 1).execute()).rejects.toThrow(/只能追加/);
    expect(await services.auditLog.verify()).toMatchObject({ ok: true });
  });

  it('reports the first broken link after a row is edited by hand', async () => {
    const bypass = database.engine === 'postgres'
      ? `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change; UPDATE audit_log SET detail = '{"i":99}' WHERE id = 3; ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;`
      : `DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = '{"i":99}' WHERE id = 3;`;
    await database.raw(bypass);
    const result = await services.auditLog.verify();
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(2);
    expect(result.firstBroken).toEqual({ id: 3, reason: '内容与校验值不符（记录被改动）' });
  });
});
