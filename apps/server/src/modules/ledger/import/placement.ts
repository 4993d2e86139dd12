import { divisionLevelOf, type ImportField, isWithinScope, type LedgerRecord, prefixLength } from '@xinxue/domain';
import type { Db } from '../../../db/database.ts';
import type { DivisionResolver } from '../../divisions/division-resolver.ts';
import type { Placement } from '../facts.ts';

export type PlacementResult = { ok: true; placement: Placement } | { ok: false; field: ImportField; message: string };

/**
 * Decides where in the city a person is managed (the division that scopes their record, and their
 * grid): inbound people where they live or work in the city, outbound people where their household
 * is registered; failing both, the importing user's own area. Also resolves origin and destination.
 */
export class Placer {
  private readonly gridsByVillage = new Map<string, { id: number; name: string }[]>();
  private gridsLoaded = false;

  constructor(
    private readonly db: Db,
    private readonly resolver: DivisionResolver,
    private readonly cityPrefix: string,
    private readonly scopePrefix: string,
  ) {}

  async place(r: LedgerRecord): Promise<PlacementResult> {
    const idCounty = r.idNumber ? this.resolver.known(r.idNumber.slice(0, 6)) : null;
    const hukouCode = this.resolver.resolve(r.hukouAddress) ?? (idCounty && divisionLevelOf(idCounty) === 'county' ? idCounty : null);
    const residenceCode = this.resolver.resolve(`${r.residenceAddress ?? ''}${r.community ?? ''}`, this.cityPrefix);
    const workCode = this.resolver.resolve(r.workAddress);
    const inCity = (code: string | null) => (code && isWithinScope(code, this.cityPrefix) ? code : null);

    let divisionCode: string | null;
    let field: ImportField;
    if (r.direction === 'inbound') {
      divisionCode = residenceCode ?? inCity(workCode);
      field = r.community ? 'community' : r.residenceAddress ? 'residenceAddress' : 'workAddress';
    } else {
      divisionCode = inCity(hukouCode);
      field = 'hukouAddress';
    }
    divisionCode ??= this.scopePrefix.padEnd(12, '0');
    if (!isWithinScope(divisionCode, this.scopePrefix)) {
      const name = await this.name(divisionCode);
      return { ok: false, field, message: `该人员属于“${name}”，不在您的管辖范围内` };
    }

    let gridId: number | null = null;
    if (divisionLevelOf(divisionCode) === 'village') {
      const grids = await this.grids(divisionCode);
      if (r.grid) {
        const grid = grids.find((g) => g.name === r.grid || g.name.replace(/网格$/, '') === r.grid!.replace(/网格$/, ''));
        if (!grid) return { ok: false, field: 'grid', message: `网格“${r.grid}”在“${await this.name(divisionCode)}”下不存在` };
        gridId = grid.id;
      } else gridId = grids[0]?.id ?? null;
    }

    const destinationCode = r.direction === 'outbound' ? this.resolver.resolve(r.destination) : divisionCode;
    return { ok: true, placement: { divisionCode, gridId, originCode: hukouCode, destinationCode, hukouCode, workCode, residenceCode } };
  }

  private async grids(villageCode: string) {
    // Every grid of the importing user's area in one query (a file names thousands of villages);
    // villages outside it were refused above.
    if (!this.gridsLoaded) {
      const rows = await this.db.selectFrom('grids').select(['id', 'name', 'division_code']).where('division_code', 'like', `${this.scopePrefix}%`).where('retired_at', 'is', null).orderBy('id').execute();
      for (const g of rows) {
        const list = this.gridsByVillage.get(g.division_code) ?? [];
        list.push({ id: g.id, name: g.name });
        this.gridsByVillage.set(g.division_code, list);
      }
      this.gridsLoaded = true;
    }
    return this.gridsByVillage.get(villageCode) ?? [];
  }

  private async name(code: string): Promise<string> {
    const d = await this.db.selectFrom('divisions').select('name').where('code', '=', code).executeTakeFirst();
    return d?.name ?? code.slice(0, prefixLength(divisionLevelOf(code)));
  }
}
