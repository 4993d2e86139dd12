import { chinaToday, microActivityKinds, type MicroActivityKind, microOrgKinds, type MicroOrgKind } from '@xinxue/domain';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { assertInScope, type Scope, scopedPeople } from '../../lib/scope.ts';

/** What the micro-organization services share: loading one in scope, dates, text and people checks. */

export type MicroOrgRow = {
  id: number; name: string; kind: string; division_code: string; guide_org_id: number | null; description: string;
  founded_on: string; dissolved_on: string | null; created_by: number | null; created_at: string;
};

/** Loads a micro-organization the caller may see: OUT_OF_SCOPE when it is elsewhere. */
export async function loadMicroOrg(db: Db, ctx: RequestContext, id: number): Promise<MicroOrgRow> {
  const row = await db.selectFrom('micro_orgs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw appError('MICRO_ORG_NOT_FOUND');
  assertInScope(row.division_code, ctx.user.scope, '该微组织');
  return row;
}

/** As loadMicroOrg, and refuses a dissolved one (nothing is recorded after dissolution). */
export async function loadActiveMicroOrg(db: Db, ctx: RequestContext, id: number): Promise<MicroOrgRow> {
  const row = await loadMicroOrg(db, ctx, id);
  if (row.dissolved_on) throw appError('MICRO_ORG_DISSOLVED', `“${row.name}”已于${row.dissolved_on}解散，不能再登记或修改`);
  return row;
}

export const today = () => chinaToday();

/** A date that must not be in the future nor before `earliest` (with what the earliest is, in words). */
export function checkDate(value: string, field: string, label: string, earliest?: { date: string; what: string }): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw appError('VALIDATION_FAILED', `${label}格式应为 YYYY-MM-DD`, { field });
  if (value > today()) throw appError('VALIDATION_FAILED', `${label}不能晚于今天`, { field });
  if (earliest && value < earliest.date) throw appError('VALIDATION_FAILED', `${label}不能早于${earliest.what}（${earliest.date}）`, { field });
}

/** Trimmed text of 1..max characters (or 0..max when optional). */
export function checkText(value: string | undefined, field: string, label: string, max: number, required = true): string {
  const text = (value ?? '').trim();
  if (required && !text) throw appError('VALIDATION_FAILED', `请填写${label}`, { field });
  if (Array.from(text).length > max) throw appError('VALIDATION_FAILED', `${label}不超过${max}个字`, { field });
  return text;
}

export function checkCount(value: number, field: string, label: string, max = 100_000): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw appError('VALIDATION_FAILED', `${label}须为0至${max}的整数`, { field });
  return value;
}

export function checkMicroOrgKind(kind: string): MicroOrgKind {
  if (!(microOrgKinds as readonly string[]).includes(kind)) throw appError('VALIDATION_FAILED', '微组织类型须为兴趣相投、行业相近或地域相邻', { field: 'kind' });
  return kind as MicroOrgKind;
}

export function checkActivityKind(kind: string): MicroActivityKind {
  if (!(microActivityKinds as readonly string[]).includes(kind)) throw appError('VALIDATION_FAILED', '活动类型不正确', { field: 'kind' });
  return kind as MicroActivityKind;
}

/**
 * The ledger people among `ids` the scope allows (a grid worker: those of their grids), current
 * records only. Throws naming the first one that is unknown, merged or outside the scope.
 */
export async function requirePeopleInScope(db: Db, scope: Scope, ids: readonly number[], field: string): Promise<Map<number, { id: number; name: string }>> {
  const unique = [...new Set(ids)];
  const found = new Map<number, { id: number; name: string; merged_into: number | null }>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await scopedPeople(db.selectFrom('people').select(['people.id', 'people.name', 'people.merged_into']), scope).where('people.id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) found.set(r.id, r);
  }
  for (const id of unique) {
    const person = found.get(id);
    if (!person) {
      const exists = await db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst();
      throw exists ? appError('OUT_OF_SCOPE', `人员（编号${id}）不在您的管辖范围内`, { field }) : appError('PERSON_NOT_FOUND', `人员（编号${id}）不存在`, { field });
    }
    if (person.merged_into !== null) throw appError('VALIDATION_FAILED', `${person.name}的记录已合并到另一条记录，请选择合并后的人员`, { field });
  }
  return new Map([...found.values()].map((p) => [p.id, { id: p.id, name: p.name }]));
}
