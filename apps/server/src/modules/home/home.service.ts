import { chinaToday, hasPermission } from '@xinxue/domain';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../lib/context.ts';
import { type Scope, scopedOrgs, scopedTo } from '../../lib/scope.ts';
import type { DivisionsService } from '../divisions/divisions.service.ts';

/**
 * The home page's overview of the user's scope: grids and active party organizations per
 * next-level division, and for those who read organizations the coverage of new organizations today.
 */
export class HomeService {
  constructor(
    private readonly db: Db,
    private readonly divisions: DivisionsService,
  ) {}

  async overview(ctx: RequestContext) {
    const scope = ctx.user.scope;
    const scopeCode = scope.divisionPrefix.padEnd(12, '0');
    const division = await this.divisions.get(scopeCode);
    const grids = async (prefix: string) => {
      const { n } = await scopedTo(this.db.selectFrom('grids').select((eb) => eb.fn.countAll<number>().as('n')), 'division_code', { ...scope, divisionPrefix: prefix }).executeTakeFirstOrThrow();
      return Number(n);
    };
    // Merged and dissolved organizations stay in the table as history; only active ones count, within the org subtree too.
    const orgs = async (prefix: string) => {
      const { n } = await scopedOrgs(this.db.selectFrom('party_orgs'), { ...scope, divisionPrefix: prefix })
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('party_orgs.status', '=', 'active')
        .executeTakeFirstOrThrow();
      return Number(n);
    };
    const byChild = [];
    for (const child of division.children) {
      const prefix = this.divisions.prefixOf(child.code);
      byChild.push({ code: child.code, name: child.name, grids: await grids(prefix), orgs: await orgs(prefix) });
    }
    return {
      scope: { prefix: scope.divisionPrefix, name: await this.divisions.fullName(scopeCode), level: division.level },
      counts: { grids: await grids(scope.divisionPrefix), orgs: await orgs(scope.divisionPrefix) },
      coverage: hasPermission(ctx.user.role, 'orgs:read') ? await this.coverage(scope) : null,
      byChild,
    };
  }

  /**
   * Enterprises and social organizations registered today and how many an organization covers today:
   * the same reading of dates as the coverage page (coverage-math.ts), counted in two queries.
   */
  private async coverage(scope: Scope): Promise<{ total: number; covered: number; rate: number }> {
    const today = chinaToday();
    const registered = scopedTo(this.db.selectFrom('new_orgs'), 'new_orgs.division_code', scope)
      .where((eb) => eb.or([eb('new_orgs.registered_on', 'is', null), eb('new_orgs.registered_on', '<=', today)]))
      .where((eb) => eb.or([eb('new_orgs.deregistered_on', 'is', null), eb('new_orgs.deregistered_on', '>', today)]));
    const { total } = await registered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const { covered } = await registered
      .select((eb) => eb.fn.countAll<number>().as('covered'))
      .where(sql<SqlBool>`exists (select 1 from new_org_coverage c where c.new_org_id = new_orgs.id and c.valid_from <= ${today} and (c.valid_to is null or c.valid_to > ${today}))`)
      .executeTakeFirstOrThrow();
    const t = Number(total);
    const c = Number(covered);
    return { total: t, covered: c, rate: t ? Math.round((c / t) * 10_000) / 10_000 : 0 };
  }
}
