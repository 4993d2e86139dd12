import type { Role } from '@xinxue/domain';
import { isWithinScope } from '@xinxue/domain';
import { type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { appError } from './errors.ts';

/**
 * A user's scope: a division code prefix, and (from the organizations issue on) an organization
 * subtree. Every query of people or organizations goes through `scopedTo` — the one place scope is
 * applied — and every single-record read or write through `assertInScope`.
 */
export interface Scope {
  divisionPrefix: string;
  orgId: number | null;
  /** The org scope's `party_orgs.path` (loaded with the session): its subtree is one prefix range. */
  orgPath?: string | null;
  /** Grid workers see only the people of the grids they are assigned to: their user id. */
  gridWorkerId?: number | null;
}

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
}

/**
 * Restricts a query to rows whose `column` (a division code) lies in the scope. Written as a range
 * (prefix ≤ code < next prefix) rather than LIKE 'prefix%', so a plain B-tree index serves it on
 * both engines whatever the database collation.
 */
export function scopedTo<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, column: string, scope: Scope): SelectQueryBuilder<DB, TB, O> {
  return withinPrefix(query, column, scope.divisionPrefix);
}

/**
 * The scope as it applies to people: the division range, and for a grid worker only the people of
 * their grids. Every query of `people` goes through here.
 */
export function scopedPeople<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, scope: Scope): SelectQueryBuilder<DB, TB, O> {
  const inDivision = scopedTo(query, 'people.division_code', scope);
  if (!scope.gridWorkerId) return inDivision;
  return inDivision.where(sql<SqlBool>`people.grid_id in (select grid_id from grid_workers where user_id = ${scope.gridWorkerId})`);
}

/**
 * The scope as it applies to party organizations: the division range AND, for a user scoped to an
 * organization, that organization's subtree (its `path` range). Every query of `party_orgs` goes
 * through here; `table` names the party_orgs alias in the query.
 */
export function scopedOrgs<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, scope: Scope, table = 'party_orgs'): SelectQueryBuilder<DB, TB, O> {
  const inDivision = scopedTo(query, `${table}.division_code`, scope);
  return scope.orgPath ? withinPrefix(inDivision, `${table}.path`, scope.orgPath) : inDivision;
}

/** Throws OUT_OF_SCOPE unless the organization lies in the scope's divisions and org subtree. */
export function assertOrgInScope(org: { division_code: string; path: string }, scope: Scope, what = '该党组织'): void {
  assertInScope(org.division_code, scope, what);
  if (scope.orgPath && !org.path.startsWith(scope.orgPath)) throw appError('OUT_OF_SCOPE', `${what}不在您的管辖范围内`);
}

/** Narrows a query to division codes under a prefix (also for filters inside a scope). */
export function withinPrefix<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, column: string, prefix: string): SelectQueryBuilder<DB, TB, O> {
  const [low, high] = prefixRange(prefix);
  return query.where(sql<SqlBool>`(${sql.ref(column)} >= ${low} and ${sql.ref(column)} < ${high})`);
}

/**
 * '4205' → ['4205', '4206']; '4209' → ['4209', '4210']. Codes are digit strings: division codes
 * (up to 12 digits) and organization paths (10 digits per level).
 */
export function prefixRange(prefix: string): [string, string] {
  if (!/^\d{1,400}$/.test(prefix)) throw new Error(`invalid digit prefix ${prefix}`);
  const next = (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0');
  return [prefix, next];
}

/** Throws OUT_OF_SCOPE unless the division code lies in the scope. */
export function assertInScope(divisionCode: string, scope: Scope, what = '该数据'): void {
  if (!isWithinScope(divisionCode, scope.divisionPrefix)) {
    throw appError('OUT_OF_SCOPE', `${what}不在您的管辖范围内`);
  }
}
