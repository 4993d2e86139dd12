import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../lib/context.ts';
import { scopedTo } from '../../lib/scope.ts';
import type { DivisionsService } from '../divisions/divisions.service.ts';

/** The home page's overview of the user's scope: grids and organizations per next-level division. */
export class HomeService {
  constructor(
    private readonly db: Db,
    private readonly divisions: DivisionsService,
  ) {}

  async overview(ctx: RequestContext) {
    const scope = ctx.user.scope;
    const scopeCode = scope.divisionPrefix.padEnd(12, '0');
    const division = await this.divisions.get(scopeCode);
    const count = async (table: 'grids' | 'party_orgs', prefix: string) => {
      const { n } = await scopedTo(this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')), 'division_code', { ...scope, divisionPrefix: prefix }).executeTakeFirstOrThrow();
      return Number(n);
    };
    const byChild = [];
    for (const child of division.children) {
      const prefix = this.divisions.prefixOf(child.code);
      byChild.push({ code: child.code, name: child.name, grids: await count('grids', prefix), orgs: await count('party_orgs', prefix) });
    }
    return {
      scope: { prefix: scope.divisionPrefix, name: await this.divisions.fullName(scopeCode), level: division.level },
      counts: { grids: await count('grids', scope.divisionPrefix), orgs: await count('party_orgs', scope.divisionPrefix) },
      byChild,
    };
  }
}
