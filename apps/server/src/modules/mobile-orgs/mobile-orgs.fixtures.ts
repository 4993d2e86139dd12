import type { Services } from '../../services.ts';
import { addPerson } from '../../testing/ledger-factory.ts';

/**
 * Test data for mobile organizations. The org tree owns `party_orgs` and `party_org_members`, so
 * the rows are written directly here, shaped as the tree writes them (path = padded id).
 */
export async function insertMobileOrg(
  services: Services,
  input: { name: string; divisionCode: string; located: string | null; kind?: 'committee' | 'generalBranch' | 'branch'; status?: 'active' | 'dissolved' | 'merged'; homeAreas?: string[]; mayDevelop?: boolean },
): Promise<number> {
  const db = services.database.db;
  const { id } = await db
    .insertInto('party_orgs')
    .values({
      name: input.name, kind: input.kind ?? 'branch', parent_id: null, division_code: input.divisionCode, created_at: new Date().toISOString(), host_kind: 'mobileOrg',
      located_division_code: input.located, status: input.status ?? 'active', established_on: '2020-03-01', approval_power: 0,
      may_develop: input.mayDevelop === undefined ? null : input.mayDevelop ? 1 : 0, may_develop_decided_by: input.mayDevelop === undefined ? null : '中共宜昌市委组织部', may_develop_decided_on: input.mayDevelop === undefined ? null : '2024-05-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('party_orgs').set({ path: String(id).padStart(10, '0') }).where('id', '=', id).execute();
  if (input.homeAreas?.length) await db.insertInto('mobile_org_home_areas').values(input.homeAreas.map((division_code) => ({ org_id: id, division_code }))).execute();
  return id;
}

export async function insertOrgMember(services: Services, orgId: number, input: { name: string; membership: 'full' | 'probationary'; role?: string; leftOn?: string }): Promise<void> {
  await services.database.db
    .insertInto('party_org_members')
    .values({ org_id: orgId, name: input.name, person_id: null, membership: input.membership, role: input.role ?? 'member', joined_on: '2021-01-01', left_on: input.leftOn ?? null, left_reason: input.leftOn ? '转出' : null, recorded_by: null, recorded_at: new Date().toISOString() })
    .execute();
}

let counter = 0;
/** `n` outbound people registered at `home` (a village of the city) working at `destination` (12 digits). */
export async function addOutbound(services: Services, home: string, destination: string, n: number, extra: { politicalStatus?: string; gridId?: number | null } = {}): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    counter += 1;
    const { personId } = await addPerson(services, { name: `外出${counter}`, divisionCode: home, gridId: extra.gridId ?? null, direction: 'outbound', employer: `务工单位${counter}` });
    await services.database.db.updateTable('people').set({ destination_code: destination, political_status: extra.politicalStatus ?? '13' }).where('id', '=', personId).execute();
    ids.push(personId);
  }
  return ids;
}
