import { type DivisionLevel, divisionPrefix, toDivisionCode12 } from '@xinxue/domain';
import type { Db } from '../../db/database.ts';
import { appError } from '../../lib/errors.ts';
import { likeOperator, type Engine } from '../../db/dialect.ts';
import { withinPrefix } from '../../lib/scope.ts';

export interface DivisionView {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

/** The division tree is public reference data (NBS 2023): every signed-in user may browse it. */
export class DivisionsService {
  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
  ) {}

  async get(code: string): Promise<DivisionView & { path: DivisionView[]; children: DivisionView[] }> {
    const code12 = toDivisionCode12(code);
    const row = code12 ? await this.find(code12) : undefined;
    if (!row) throw appError('DIVISION_NOT_FOUND', `行政区划“${code}”不存在`, { field: 'code' });
    const path: DivisionView[] = [];
    for (let parent = row.parentCode; parent; ) {
      const p = await this.find(parent);
      if (!p) break;
      path.unshift(p);
      parent = p.parentCode;
    }
    const children = (await this.db.selectFrom('divisions').selectAll().where('parent_code', '=', row.code).orderBy('code').execute()).map(toView);
    return { ...row, path, children };
  }

  async find(code12: string): Promise<DivisionView | undefined> {
    const row = await this.db.selectFrom('divisions').selectAll().where('code', '=', code12).executeTakeFirst();
    return row ? toView(row) : undefined;
  }

  async name(code12: string): Promise<string> {
    return (await this.find(code12))?.name ?? code12;
  }

  /**
   * Names by code, kept once read: the table is reference data written only by migrations, and
   * every page of people or organizations names its divisions (a query per ledger search before).
   * A code that does not exist is simply absent.
   */
  private readonly nameCache = new Map<string, string>();

  /** Names of many divisions in one query (list views must not look them up one by one). */
  async names(codes: Iterable<string>): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const missing: string[] = [];
    for (const code of new Set(codes)) {
      const known = this.nameCache.get(code);
      if (known !== undefined) names.set(code, known);
      else missing.push(code);
    }
    for (let i = 0; i < missing.length; i += 500) {
      const rows = await this.db.selectFrom('divisions').select(['code', 'name']).where('code', 'in', missing.slice(i, i + 500)).execute();
      for (const r of rows) {
        names.set(r.code, r.name);
        this.nameCache.set(r.code, r.name);
      }
    }
    return names;
  }

  /** "宜昌市夷陵区小溪塔街道" style full name below the province. */
  async fullName(code12: string): Promise<string> {
    const d = await this.get(code12);
    return [...d.path.filter((p) => p.level !== 'province'), d].map((p) => p.name).filter((n) => n !== '市辖区').join('');
  }

  async search(q: string, level: DivisionLevel | undefined, within: string | undefined, limit = 50): Promise<DivisionView[]> {
    let query = this.db.selectFrom('divisions').selectAll().where('name', likeOperator(this.engine), `%${q}%`).orderBy('code').limit(limit);
    if (level) query = query.where('level', '=', level);
    if (within) query = withinPrefix(query, 'code', within);
    return (await query.execute()).map(toView);
  }

  async requireLevel(code: string, levels: DivisionLevel[], field: string): Promise<DivisionView> {
    const code12 = toDivisionCode12(code);
    const row = code12 ? await this.find(code12) : undefined;
    if (!row) throw appError('DIVISION_NOT_FOUND', `行政区划“${code}”不存在`, { field });
    if (!levels.includes(row.level)) throw appError('VALIDATION_FAILED', `“${row.name}”不是${levels.map((l) => levelNames[l]).join('或')}`, { field });
    return row;
  }

  prefixOf(code12: string): string {
    return divisionPrefix(code12);
  }
}

const levelNames: Record<DivisionLevel, string> = { province: '省级区划', prefecture: '地级区划', county: '县级区划', township: '乡镇（街道）', village: '村（社区）' };

function toView(row: { code: string; name: string; level: string; parent_code: string | null }): DivisionView {
  return { code: row.code, name: row.name, level: row.level as DivisionLevel, parentCode: row.parent_code };
}
