import { type Role, withUsccCheck } from '@xinxue/domain';
import type { RequestContext } from '../../lib/context.ts';
import type { Services } from '../../services.ts';

/** Factories for the organization tests: contexts, registry rows (written directly), versions. */

let units = 0;

/** A `new_orgs` row, as the registry (another module) would hold it. */
export async function addNewOrg(services: Services, name: string, divisionCode = '420506001001', kind: 'enterprise' | 'socialOrg' = 'enterprise'): Promise<number> {
  units += 1;
  const now = new Date().toISOString();
  const body = `91${divisionCode.slice(0, 6)}MA${String(units).padStart(7, '0')}`;
  const { id } = await services.database.db
    .insertInto('new_orgs')
    .values({ kind, name, uscc: withUsccCheck(body), industry: 'C', division_code: divisionCode, source: 'manual', registered_on: '2020-01-01', deregistered_on: null, fingerprint: `test-${body}`, import_id: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function contextFor(role: Role, divisionPrefix: string, orgPath: string | null = null, id = 1): RequestContext {
  return { user: { id, username: `${role}_ctx`, displayName: '测试', role, scope: { divisionPrefix, orgId: orgPath ? 1 : null, orgPath } }, ip: '127.0.0.1' };
}

export async function versionOf(services: Services, id: number): Promise<number> {
  return (await services.database.db.selectFrom('party_orgs').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
}

export async function pathOf(services: Services, id: number): Promise<string> {
  return (await services.database.db.selectFrom('party_orgs').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
}

/** Expects the promise to fail with an AppError of the code (and field); returns its message. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; field: string | undefined; message: string }> {
  try {
    await promise;
  } catch (e) {
    const error = e as { code?: string; field?: string; message: string };
    return { code: error.code ?? 'UNKNOWN', field: error.field, message: error.message };
  }
  throw new Error('expected a refusal, but the call succeeded');
}
