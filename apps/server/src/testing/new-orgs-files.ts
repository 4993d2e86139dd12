import { type Formation, type IndustryCode, type NewOrgKind, withUsccCheck } from '@xinxue/domain';
import type { Services } from '../services.ts';
import { fingerprintOf } from '../modules/new-orgs/new-org-row.ts';

/** Factories for the registry's tests: credit codes, units, covering organizations, coverage rows. */

const BODY_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
let serial = 0;

/** A valid unified social credit code: 91 (enterprise) or 51 (social organization) + county + body + check. */
export function usccFor(n: number, kind: NewOrgKind = 'enterprise', county = '420506'): string {
  let body = '';
  let v = n + 7_919 * (kind === 'enterprise' ? 1 : 3);
  for (let i = 0; i < 9; i++) {
    body = BODY_ALPHABET[v % 31]! + body;
    v = Math.floor(v / 31);
  }
  return withUsccCheck(`${kind === 'enterprise' ? '91' : '51'}${county}${body}`);
}

export interface UnitInput {
  name?: string;
  kind?: NewOrgKind;
  industry?: IndustryCode;
  divisionCode?: string;
  employees?: number;
  partyMembers?: number;
  registeredOn?: string | null;
  deregisteredOn?: string | null;
  uscc?: string;
}

/** A registry unit written directly (the registry service is what the tests exercise elsewhere). */
export async function addUnit(services: Services, input: UnitInput = {}): Promise<number> {
  serial += 1;
  const record = {
    kind: input.kind ?? 'enterprise', name: input.name ?? `测试企业${serial}有限公司`, uscc: input.uscc ?? usccFor(100_000 + serial, input.kind ?? 'enterprise'),
    industry: input.industry ?? 'C', divisionCode: input.divisionCode ?? '420506001001', address: '', employees: input.employees ?? 20, partyMembers: input.partyMembers ?? 1,
    registeredOn: input.registeredOn === undefined ? '2020-01-01' : input.registeredOn, deregisteredOn: input.deregisteredOn ?? null,
  } as const;
  const now = new Date().toISOString();
  const { id } = await services.database.db
    .insertInto('new_orgs')
    .values({
      kind: record.kind, name: record.name, uscc: record.uscc, industry: record.industry, division_code: record.divisionCode, address: '', employees: record.employees, party_members: record.partyMembers,
      source: 'manual', registered_on: record.registeredOn, deregistered_on: record.deregisteredOn, fingerprint: fingerprintOf(record), import_id: null, created_at: now, updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A party organization as the organization tree stores it (path = ids padded to 10 digits). */
export async function addPartyOrg(services: Services, input: { name?: string; divisionCode?: string; hostKind?: string; formation?: Formation; parentPath?: string } = {}): Promise<number> {
  const db = services.database.db;
  const { id } = await db
    .insertInto('party_orgs')
    .values({ name: input.name ?? '测试党支部', kind: 'branch', parent_id: null, division_code: input.divisionCode ?? '420506001001', created_at: new Date().toISOString(), host_kind: input.hostKind ?? 'enterprise', formation: input.formation ?? 'standalone', status: 'active', approval_power: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('party_orgs').set({ path: (input.parentPath ?? '') + String(id).padStart(10, '0') }).where('id', '=', id).execute();
  return id;
}

/** A coverage row; `validTo` is the first day it no longer applies. */
export async function cover(services: Services, newOrgId: number, partyOrgId: number, formation: Formation, validFrom: string, validTo: string | null = null): Promise<void> {
  await services.database.db
    .insertInto('new_org_coverage')
    .values({ new_org_id: newOrgId, party_org_id: partyOrgId, formation, valid_from: validFrom, valid_to: validTo, recorded_by: null, recorded_at: new Date().toISOString() })
    .execute();
}
