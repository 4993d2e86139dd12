import { isWithinScope } from '@xinxue/domain';
import type { Dossier } from '@xinxue/domain/dossier/index';
import { type Selectable, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, DossierTable } from '../../db/schema.ts';
import type { RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { prefixRange, type Scope } from '../../lib/scope.ts';
import type { Pending } from '@xinxue/domain/pipeline/step-inputs';

/**
 * Loading dossiers and their scope. A dossier belongs to two places: the organization handling it
 * and, for a migrant, the organization of the other place. It is visible to users whose scope covers
 * either (the same division and org-subtree ranges as `scopedOrgs`), and changed only from the
 * handling side.
 */
export type DossierRow = Selectable<DossierTable> & { org_division: string; org_path: string; org_name: string; other_division: string | null; other_path: string | null; other_name: string | null };

export function orgInScope(division: string | null, path: string | null, scope: Scope): boolean {
  if (!division || path === null) return false;
  return isWithinScope(division, scope.divisionPrefix) && (!scope.orgPath || path.startsWith(scope.orgPath));
}

function rangeSql(column: string, prefix: string) {
  const [low, high] = prefixRange(prefix);
  return sql<SqlBool>`(${sql.ref(column)} >= ${low} and ${sql.ref(column)} < ${high})`;
}

/** One side (alias `o` or `oo`) inside the scope: its division range and, for an org-scoped user, its subtree. */
function sideInScope(alias: 'o' | 'oo', scope: Scope) {
  const division = rangeSql(`${alias}.division_code`, scope.divisionPrefix);
  return scope.orgPath ? sql<SqlBool>`(${division} and ${rangeSql(`${alias}.path`, scope.orgPath)})` : division;
}

export function dossierQuery(db: Db) {
  return db
    .selectFrom('dossiers as d')
    .innerJoin('party_orgs as o', 'o.id', 'd.org_id')
    .leftJoin('party_orgs as oo', 'oo.id', 'd.other_org_id')
    .selectAll('d')
    .select(['o.division_code as org_division', 'o.path as org_path', 'o.name as org_name', 'oo.division_code as other_division', 'oo.path as other_path', 'oo.name as other_name']);
}

/** Every list of dossiers goes through here: visible when either place's organization is in scope. */
export function scopedDossiers<O>(query: SelectQueryBuilder<Database & { d: DossierTable; o: Database['party_orgs']; oo: Database['party_orgs'] }, 'd' | 'o' | 'oo', O>, scope: Scope) {
  return query.where(sql<SqlBool>`(${sideInScope('o', scope)} or (d.other_org_id is not null and ${sideInScope('oo', scope)}))`);
}

export async function loadDossier(db: Db, ctx: RequestContext, id: number, mode: 'read' | 'write'): Promise<DossierRow> {
  const row = (await dossierQuery(db).where('d.id', '=', id).executeTakeFirst()) as DossierRow | undefined;
  if (!row) throw appError('DOSSIER_NOT_FOUND');
  const handling = orgInScope(row.org_division, row.org_path, ctx.user.scope);
  const other = orgInScope(row.other_division, row.other_path, ctx.user.scope);
  if (!handling && !other) throw appError('OUT_OF_SCOPE', '该发展党员档案不在您的管辖范围内');
  if (mode === 'write' && !handling) throw appError('OUT_OF_SCOPE', `该档案由“${row.org_name}”办理，不在您的管辖范围内，只能查看`);
  return row;
}

export function documentOf(row: { document: string }): Dossier {
  return JSON.parse(row.document) as Dossier;
}

export function pendingOf(row: { pending: string }): Pending {
  return JSON.parse(row.pending) as Pending;
}

/** Whether an activist or confirmation is half-filled between its steps (`pending` also keeps their `recordedAt` stamps). */
export function hasHalfFilled(p: Pending): boolean {
  return p.activist !== undefined || p.confirmation !== undefined;
}
