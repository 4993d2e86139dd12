import type { FiveItemDates } from '@xinxue/domain';
import { sql, type SqlBool } from 'kysely';

/**
 * The five items in SQL and back: `people` keeps, per item, when it was last recorded, so "all five
 * clear" is one condition over five indexed-row columns.
 */
export function fiveItemsClearSql(cutoff: string) {
  return sql<SqlBool>`(people.hukou_at >= ${cutoff} and people.movement_at >= ${cutoff} and people.work_address_at >= ${cutoff} and people.occupation_at >= ${cutoff} and people.contact_at >= ${cutoff})`;
}

export function fiveItemDates(r: { hukou_at: string | null; movement_at: string | null; work_address_at: string | null; occupation_at: string | null; contact_at: string | null }): FiveItemDates {
  return { hukou: r.hukou_at, movedOn: r.movement_at, workAddress: r.work_address_at, occupation: r.occupation_at, contact: r.contact_at };
}
