import { type SqlBool, sql } from 'kysely';

/**
 * The two date tests every registry query shares, as SQL over `new_orgs` (any alias). Dates are
 * ISO text on both engines, so comparison is plain string order.
 *
 * - A unit is **registered** on a date when it was set up on or before it and not yet deregistered:
 *   `deregistered_on` is the first day it no longer exists.
 * - A unit is **covered** on a date when a coverage row runs over it: `valid_from` ≤ date and
 *   `valid_to` (the first day it no longer applies) after it, or open.
 */
export function registeredOn(date: string, table = 'new_orgs') {
  return sql<SqlBool>`((${sql.ref(`${table}.registered_on`)} is null or ${sql.ref(`${table}.registered_on`)} <= ${date}) and (${sql.ref(`${table}.deregistered_on`)} is null or ${sql.ref(`${table}.deregistered_on`)} > ${date}))`;
}

export function coveredOn(date: string, table = 'new_orgs') {
  return sql<SqlBool>`exists (select 1 from new_org_coverage cov where cov.new_org_id = ${sql.ref(`${table}.id`)} and cov.valid_from <= ${date} and (cov.valid_to is null or cov.valid_to > ${date}))`;
}

/** Not deregistered as of the date (a unit whose founding date is unknown or later still shows in the registry). */
export function notDeregisteredOn(date: string, table = 'new_orgs') {
  return sql<SqlBool>`(${sql.ref(`${table}.deregistered_on`)} is null or ${sql.ref(`${table}.deregistered_on`)} > ${date})`;
}
