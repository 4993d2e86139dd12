import { statSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCrypto, loadOrCreateMasterKey } from '../../lib/crypto.ts';
import type { Services } from '../../services.ts';
import { createTestServices, createUser, type TestDatabase } from '../../testing/harness.ts';

describe('accounts and personal data at rest', () => {
  let services: Services;
  let database: TestDatabase;
  beforeAll(async () => {
    ({ services, database } = await createTestServices());
  });
  afterAll(async () => database?.close());

  it('keeps no phone number in clear text anywhere in the database', async () => {
    const user = await createUser(services, 'cityOrgDept', '4205', { phone: '138 1234 5678' });
    expect(user.phoneMasked).toBe('138****5678');
    const row = await database.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.phone_enc).toMatch(/^v1:/);
    expect(row.phone_hash).toBe(services.crypto.lookupHash('13812345678'));
    const dump = await database.dumpText();
    expect(dump).toContain(user.username); // the dump really holds the data...
    expect(dump).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/); // ...but no mobile number in clear
    expect(dump).not.toContain('Test#Pass2026');
    if (database.rawBytes) expect((await database.rawBytes()).includes('13812345678')).toBe(false);
  });

  it('refuses a changed ciphertext instead of returning garbage', () => {
    const stored = services.crypto.encrypt('13812345678');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => services.crypto.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('names the field of every bad input in Chinese', async () => {
    await expect(createUser(services, 'cityOrgDept', '9999')).rejects.toMatchObject({ code: 'DIVISION_NOT_FOUND', field: 'scopeDivision' });
    await expect(createUser(services, 'cityOrgDept', '4205', { phone: '12345' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' });
    await expect(createUser(services, 'cityOrgDept', '4205', { username: 'Bad Name' })).rejects.toMatchObject({ field: 'username' });
    const taken = await createUser(services, 'cityOrgDept', '4205');
    await expect(createUser(services, 'cityOrgDept', '4205', { username: taken.username })).rejects.toMatchObject({ code: 'USERNAME_TAKEN', message: `登录名“${taken.username}”已被使用` });
  });

  it('reveals a phone only with the permission and a reason, and logs the reveal without the value', async () => {
    const target = await createUser(services, 'gridWorker', '420506001001', { phone: '13900001234' });
    const security = await createUser(services, 'securityAdmin', '4205');
    const city = await createUser(services, 'cityOrgDept', '4205');
    const as = (u: typeof security) => ({ user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role, scope: { divisionPrefix: u.scopeDivision, orgId: null } }, ip: '10.0.0.1' });
    await expect(services.users.revealPhone(as(city), target.id, '核实身份信息')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(services.users.revealPhone(as(security), target.id, ' ')).rejects.toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    expect(await services.users.revealPhone(as(security), target.id, '核实身份信息')).toBe('13900001234');
    const [entry] = await services.auditLog.list({ limit: 1, action: 'user.reveal' });
    expect(entry).toMatchObject({ actorId: security.id, ip: '10.0.0.1', objectIds: [target.id], detail: { field: 'phone', reason: '核实身份信息' } });
    expect(JSON.stringify(entry)).not.toContain('13900001234');
  });
});

describe('the master key', () => {
  it('is created once with 0600 permissions and reused', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xinxue-key-'));
    const keyFile = path.join(dir, 'sub', 'xinxue.key');
    const first = loadOrCreateMasterKey({ keyFile });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(loadOrCreateMasterKey({ keyFile }).equals(first)).toBe(true);
    const a = createFieldCrypto(first);
    expect(a.decrypt(a.encrypt('张三丰'))).toBe('张三丰');
    expect(loadOrCreateMasterKey({ keyBase64: Buffer.alloc(32, 7).toString('base64'), keyFile }).equals(Buffer.alloc(32, 7))).toBe(true);
  });
});
