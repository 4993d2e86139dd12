import { chinaToday, type OrgEventKind } from '@xinxue/domain';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PartyOrgTable } from '../../db/schema.ts';
import { appError } from '../../lib/errors.ts';
import { prefixRange } from '../../lib/scope.ts';
import type { Actor } from '../audit-log/audit-log.service.ts';
import type { OrgEventDetail } from './org-rules.ts';

/** The small database steps every organization write shares. */

export type OrgRow = Selectable<PartyOrgTable>;

/** Serialises coverage writes on PostgreSQL so two transactions cannot cover one unit twice. */
export const COVERAGE_LOCK_KEY = 727_101;

export async function findOrg(db: Db, id: number): Promise<OrgRow | undefined> {
  return db.selectFrom('party_orgs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loadOrg(db: Db, id: number, message?: string, field?: string): Promise<OrgRow> {
  const row = await findOrg(db, id);
  if (!row) throw appError('ORG_NOT_FOUND', message, field ? { field } : undefined);
  return row;
}

/**
 * Optimistic concurrency: the write carries the version the client read. The conditional UPDATE
 * both checks and bumps it, and on PostgreSQL its row lock makes a concurrent writer wait and then
 * find the version changed.
 */
export async function bumpVersion(tx: Db, id: number, version: number): Promise<void> {
  const result = await tx.updateTable('party_orgs').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const current = await tx.selectFrom('party_orgs').select(['version', 'name']).where('id', '=', id).executeTakeFirst();
    if (!current) throw appError('ORG_NOT_FOUND');
    throw appError('CONFLICT', `“${current.name}”已被他人修改（您看到的是第${version}版，现为第${current.version}版），请刷新后重新操作`, { field: 'version', details: { currentVersion: current.version } });
  }
}

/** Bumps without a client version: for organizations changed as a consequence (children of a merge). */
export async function touchVersion(tx: Db, id: number): Promise<void> {
  await tx.updateTable('party_orgs').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

export async function appendEvent(tx: Db, orgId: number, kind: OrgEventKind, occurredOn: string, detail: OrgEventDetail, actor: Actor): Promise<void> {
  await tx.insertInto('party_org_events').values({ org_id: orgId, kind, occurred_on: occurredOn, detail: JSON.stringify(detail), recorded_by: actor.id, recorded_at: new Date().toISOString() }).execute();
}

/** Moves a subtree: every path under `oldPath` gets `newPath` in front of its remainder, in one statement. */
export async function movePaths(tx: Db, oldPath: string, newPath: string): Promise<void> {
  if (oldPath === newPath) return;
  const [low, high] = prefixRange(oldPath);
  await tx
    .updateTable('party_orgs')
    .set({ path: sql<string>`cast(${newPath} as text) || substr(path, ${oldPath.length + 1})` })
    .where('path', '>=', low)
    .where('path', '<', high)
    .execute();
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (YYYY-MM-DD) that exists and is not after today in China; defaults to today. */
export function checkDate(value: string | null | undefined, field: string, label: string): string {
  const today = chinaToday();
  if (value === undefined || value === null || value === '') return today;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw appError('VALIDATION_FAILED', `${label}不是有效日期（格式应为 YYYY-MM-DD）`, { field });
  }
  if (value > today) throw appError('VALIDATION_FAILED', `${label}不能晚于今天`, { field });
  return value;
}

/** Refuses a date before the organization was set up. */
export function notBeforeEstablished(date: string, org: OrgRow, field: string, label: string): void {
  if (org.established_on && date < org.established_on) throw appError('VALIDATION_FAILED', `${label}不能早于成立日期（${org.established_on}）`, { field });
}

export function requireActive(org: OrgRow, what: string, field?: string): void {
  if (org.status !== 'active') {
    const state = org.status === 'merged' ? '已合并' : '已撤销';
    throw appError('CONFLICT', `${what}“${org.name}”${state}，不能再作此操作`, field ? { field } : undefined);
  }
}
