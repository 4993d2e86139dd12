import { type Formation, formationLabels, type NewOrgKind, newOrgKindLabels } from '@xinxue/domain';
import type { Db } from '../../db/database.ts';
import { takeWriteLock } from '../../db/dialect.ts';
import { appError } from '../../lib/errors.ts';
import { assertInScope, type Scope } from '../../lib/scope.ts';
import type { Actor } from '../audit-log/audit-log.service.ts';
import { COVERAGE_LOCK_KEY } from './org-store.ts';

/**
 * Which new organizations (两新组织) a party organization covers: rows of `new_org_coverage`, dated
 * and ended by `valid_to`, never deleted. This module is the only writer of that table; a unit is
 * covered by at most one active organization at a time.
 */

export interface CoveredUnit {
  coverageId: number;
  newOrgId: number;
  name: string;
  uscc: string;
  kind: string;
  kindLabel: string;
  divisionCode: string;
  formation: Formation;
  formationLabel: string;
  validFrom: string;
  validTo: string | null;
}

export interface NamedUnit {
  id: number;
  name: string;
}

const formationName = (f: string) => formationLabels[f as Formation] ?? f;

export async function activeCoverageIds(db: Db, orgId: number): Promise<number[]> {
  const rows = await db.selectFrom('new_org_coverage').select('new_org_id').where('party_org_id', '=', orgId).where('valid_to', 'is', null).orderBy('new_org_id').execute();
  return rows.map((r) => r.new_org_id);
}

/** Every coverage row of the organization, current first. */
export async function coverageOf(db: Db, orgId: number): Promise<CoveredUnit[]> {
  const rows = await db
    .selectFrom('new_org_coverage')
    .innerJoin('new_orgs', 'new_orgs.id', 'new_org_coverage.new_org_id')
    .select(['new_org_coverage.id', 'new_org_coverage.new_org_id', 'new_org_coverage.formation', 'new_org_coverage.valid_from', 'new_org_coverage.valid_to', 'new_orgs.name', 'new_orgs.uscc', 'new_orgs.kind', 'new_orgs.division_code'])
    .where('new_org_coverage.party_org_id', '=', orgId)
    .orderBy('new_org_coverage.id', 'desc')
    .execute();
  return rows
    .map((r) => ({
      coverageId: r.id, newOrgId: r.new_org_id, name: r.name, uscc: r.uscc, kind: r.kind, kindLabel: newOrgKindLabels[r.kind as NewOrgKind] ?? r.kind, divisionCode: r.division_code,
      formation: r.formation as Formation, formationLabel: formationName(r.formation), validFrom: r.valid_from, validTo: r.valid_to,
    }))
    .sort((a, b) => Number(a.validTo !== null) - Number(b.validTo !== null));
}

/**
 * Checks units about to be covered by `orgId` (null while creating it): each exists, is not
 * deregistered, lies in the scope, and no other active organization covers it. Run inside the
 * writing transaction after `lockCoverage`, so the answer still holds at commit.
 */
export async function checkUnits(tx: Db, ids: readonly number[], scope: Scope | null, orgId: number | null): Promise<NamedUnit[]> {
  if (!ids.length) return [];
  const units = await tx.selectFrom('new_orgs').select(['id', 'name', 'division_code', 'deregistered_on']).where('id', 'in', [...ids]).execute();
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const id of ids) {
    const unit = byId.get(id);
    if (!unit) throw appError('NOT_FOUND', `覆盖单位（编号${id}）不存在`, { field: 'coveredNewOrgIds' });
    if (unit.deregistered_on) throw appError('VALIDATION_FAILED', `“${unit.name}”已于${unit.deregistered_on}注销，不能再作为覆盖单位`, { field: 'coveredNewOrgIds' });
    if (scope) assertInScope(unit.division_code, scope, `覆盖单位“${unit.name}”`);
  }
  let taken = tx
    .selectFrom('new_org_coverage')
    .innerJoin('party_orgs', 'party_orgs.id', 'new_org_coverage.party_org_id')
    .innerJoin('new_orgs', 'new_orgs.id', 'new_org_coverage.new_org_id')
    .select(['new_orgs.name as unit', 'party_orgs.name as org', 'new_org_coverage.formation'])
    .where('new_org_coverage.new_org_id', 'in', [...ids])
    .where('new_org_coverage.valid_to', 'is', null);
  if (orgId !== null) taken = taken.where('new_org_coverage.party_org_id', '<>', orgId);
  const clash = await taken.executeTakeFirst();
  if (clash) {
    throw appError('CONFLICT', `“${clash.unit}”已由“${clash.org}”覆盖（${formationName(clash.formation)}），一个单位同一时间只能由一个党组织覆盖：请先调整“${clash.org}”的覆盖单位`, { field: 'coveredNewOrgIds' });
  }
  return ids.map((id) => ({ id, name: byId.get(id)!.name }));
}

export async function lockCoverage(tx: Db): Promise<void> {
  await takeWriteLock(tx, COVERAGE_LOCK_KEY);
}

/**
 * Makes the organization's active coverage exactly `ids` from `date`: rows no longer wanted are
 * ended, new ones start. With `reform` (the formation changed) every current row is ended and
 * started again carrying the new formation, so coverage by formation stays right over time.
 */
export async function replaceCoverage(
  tx: Db,
  org: { id: number; formation: Formation },
  ids: readonly number[],
  date: string,
  actor: Actor,
  reform: boolean,
): Promise<{ added: NamedUnit[]; removed: NamedUnit[] }> {
  const current = await tx
    .selectFrom('new_org_coverage')
    .innerJoin('new_orgs', 'new_orgs.id', 'new_org_coverage.new_org_id')
    .select(['new_org_coverage.id', 'new_org_coverage.new_org_id', 'new_org_coverage.valid_from', 'new_orgs.name'])
    .where('new_org_coverage.party_org_id', '=', org.id)
    .where('new_org_coverage.valid_to', 'is', null)
    .execute();
  const wanted = new Set(ids);
  const ending = current.filter((c) => reform || !wanted.has(c.new_org_id));
  const late = ending.find((c) => c.valid_from > date);
  if (late) throw appError('VALIDATION_FAILED', `生效日期不能早于“${late.name}”开始覆盖的日期（${late.valid_from}）`, { field: 'effectiveOn' });
  if (ending.length) await tx.updateTable('new_org_coverage').set({ valid_to: date }).where('id', 'in', ending.map((c) => c.id)).execute();
  const kept = new Set(current.filter((c) => !ending.includes(c)).map((c) => c.new_org_id));
  const starting = ids.filter((id) => !kept.has(id));
  const now = new Date().toISOString();
  if (starting.length) {
    await tx.insertInto('new_org_coverage').values(starting.map((id) => ({ new_org_id: id, party_org_id: org.id, formation: org.formation, valid_from: date, valid_to: null, recorded_by: actor.id, recorded_at: now }))).execute();
  }
  const before = new Set(current.map((c) => c.new_org_id));
  const names = await unitNames(tx, ids);
  return {
    added: ids.filter((id) => !before.has(id)).map((id) => ({ id, name: names.get(id) ?? String(id) })),
    removed: current.filter((c) => !wanted.has(c.new_org_id)).map((c) => ({ id: c.new_org_id, name: c.name })),
  };
}

/** Ends every active coverage row of the organization (dissolved or merged away). */
export async function endCoverage(tx: Db, orgId: number, date: string): Promise<NamedUnit[]> {
  const current = await tx
    .selectFrom('new_org_coverage')
    .innerJoin('new_orgs', 'new_orgs.id', 'new_org_coverage.new_org_id')
    .select(['new_org_coverage.id', 'new_org_coverage.new_org_id', 'new_org_coverage.valid_from', 'new_orgs.name'])
    .where('new_org_coverage.party_org_id', '=', orgId)
    .where('new_org_coverage.valid_to', 'is', null)
    .execute();
  const late = current.find((c) => c.valid_from > date);
  if (late) throw appError('VALIDATION_FAILED', `生效日期不能早于“${late.name}”开始覆盖的日期（${late.valid_from}）`, { field: 'effectiveOn' });
  if (current.length) await tx.updateTable('new_org_coverage').set({ valid_to: date }).where('id', 'in', current.map((c) => c.id)).execute();
  return current.map((c) => ({ id: c.new_org_id, name: c.name }));
}

async function unitNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('new_orgs').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active coverage counts for many organizations at once (lists and exports). */
export async function coverageCounts(db: Db, orgIds: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (let i = 0; i < orgIds.length; i += 500) {
    const rows = await db
      .selectFrom('new_org_coverage')
      .select(['party_org_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('party_org_id', 'in', orgIds.slice(i, i + 500))
      .where('valid_to', 'is', null)
      .groupBy('party_org_id')
      .execute();
    for (const r of rows) counts.set(r.party_org_id, Number(r.n));
  }
  return counts;
}
