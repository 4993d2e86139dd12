import { type DivisionLevel, divisionLevels, divisionPrefix } from '@xinxue/domain';
import type { Db } from '../../db/database.ts';

interface Node {
  code: string;
  name: string;
  short: string;
  level: DivisionLevel;
}

const SUFFIXES = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|社区居民委员会|居民委员会|村民委员会|社区居委会|村委会|居委会|街道办事处|街道|地区|省|市|县|区|旗|盟|镇|乡)$/;

function shortName(name: string): string {
  const short = name.replace(SUFFIXES, '');
  return short.length >= 2 ? short : name;
}

/**
 * Finds the division an address names ("湖北省宜昌市夷陵区小溪塔街道平湖路18号" → 420506001000;
 * "广东深圳宝安" → 440306000000). Levels may be left out ("夷陵区…" without province and city); a
 * level is taken only when its name lies inside the division found above it. Loaded once: the
 * division table is small (~5,000 rows).
 */
export class DivisionResolver {
  /** Per level, the names (full and short) indexed by their first character. */
  private readonly byLevel = new Map<DivisionLevel, Map<string, { node: Node; name: string }[]>>();
  private readonly cache = new Map<string, string | null>();
  private readonly codes = new Set<string>();

  private constructor(nodes: Node[]) {
    for (const level of divisionLevels) this.byLevel.set(level, new Map());
    for (const node of nodes) {
      this.codes.add(node.code);
      const index = this.byLevel.get(node.level)!;
      for (const name of node.short === node.name ? [node.name] : [node.name, node.short]) {
        const list = index.get(name[0]!) ?? [];
        list.push({ node, name });
        index.set(name[0]!, list);
      }
    }
    // Longer names first, so 宜昌市 wins over a shorter name that is a prefix of it.
    for (const index of this.byLevel.values()) for (const list of index.values()) list.sort((a, b) => b.name.length - a.name.length);
  }

  static async load(db: Db): Promise<DivisionResolver> {
    const rows = await db.selectFrom('divisions').select(['code', 'name', 'level']).execute();
    return new DivisionResolver(rows.filter((r) => r.name !== '市辖区').map((r) => ({ code: r.code, name: r.name, short: shortName(r.name), level: r.level as DivisionLevel })));
  }

  /** The 12-digit code if `code` (2–12 digits) is a known division; else null. */
  known(code: string): string | null {
    const code12 = code.padEnd(12, '0');
    return this.codes.has(code12) ? code12 : null;
  }

  /** The most specific division code the text names, restricted to `within` (a code prefix) if given. */
  resolve(text: string | null | undefined, within = ''): string | null {
    if (!text) return null;
    const key = `${within}|${text}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const result = this.walk(text.replace(/\s+/g, ''), within);
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  private walk(text: string, within: string): string | null {
    let prefix = '';
    let found: string | null = null;
    let from = 0;
    for (const level of divisionLevels) {
      // Township and village names repeat across the country: take them only below a division
      // already found, or inside a scope of at least a city.
      if ((level === 'township' || level === 'village') && !found && within.length < 4) continue;
      const index = this.byLevel.get(level)!;
      let best: { node: Node; end: number } | null = null;
      // The earliest mention wins; at one position, the longest name (lists are sorted so).
      for (let at = from; at < text.length && !best; at++) {
        for (const { node, name } of index.get(text[at]!) ?? []) {
          if (prefix && !node.code.startsWith(prefix)) continue;
          if (within && !node.code.startsWith(within) && !within.startsWith(divisionPrefix(node.code))) continue;
          if (text.startsWith(name, at)) {
            best = { node, end: at + name.length };
            break;
          }
        }
      }
      if (best) {
        found = best.node.code;
        prefix = divisionPrefix(found);
        from = best.end;
      }
    }
    return found && found.startsWith(within) ? found : null;
  }
}
