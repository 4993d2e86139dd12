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
}

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
}

/** Restricts a query to rows whose `column` (a 12-digit division code) lies in the scope. */
export function scopedTo<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, column: string, scope: Scope): SelectQueryBuilder<DB, TB, O> {
  return query.where(sql<SqlBool>`${sql.ref(column)} like ${`${scope.divisionPrefix}%`}`);
}

/** Throws OUT_OF_SCOPE unless the division code lies in the scope. */
export function assertInScope(divisionCode: string, scope: Scope, what = '该数据'): void {
  if (!isWithinScope(divisionCode, scope.divisionPrefix)) {
    throw appError('OUT_OF_SCOPE', `${what}不在您的管辖范围内`);
  }
}
