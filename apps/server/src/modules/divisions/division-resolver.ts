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
  private readonly byLevel = new Map<DivisionLevel, Node[]>();
  private readonly cache = new Map<string, string | null>();
  private readonly codes = new Set<string>();

  private constructor(nodes: Node[]) {
    for (const n of nodes) this.codes.add(n.code);
    for (const level of divisionLevels) this.byLevel.set(level, []);
    for (const n of nodes) this.byLevel.get(n.level)!.push(n);
    // Longer names first, so 宜昌市 wins over a shorter name that is a prefix of it.
    for (const list of this.byLevel.values()) list.sort((a, b) => b.name.length - a.name.length);
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
    if (this.cache.has(key)) return this.cache.get(key)!;
    const result = this.walk(text.replace(/\s+/g, ''), within);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  private walk(text: string, within: string): string | null {
    let prefix = '';
    let found: string | null = null;
    let rest = text;
    for (const level of divisionLevels) {
      // Township and village names repeat across the country: take them only below a division
      // already found, or inside a scope of at least a city.
      const local = level === 'township' || level === 'village';
      if (local && !found && within.length < 4) continue;
      let best: { node: Node; at: number; length: number } | null = null;
      for (const node of this.byLevel.get(level)!) {
        if (prefix && !node.code.startsWith(prefix)) continue;
        if (within && !node.code.startsWith(within) && !within.startsWith(divisionPrefix(node.code))) continue;
        for (const name of node.short === node.name ? [node.name] : [node.name, node.short]) {
          const at = rest.indexOf(name);
          if (at < 0) continue;
          if (!best || at < best.at || (at === best.at && name.length > best.length)) best = { node, at, length: name.length };
          break;
        }
      }
      if (best) {
        found = best.node.code;
        prefix = divisionPrefix(found);
        rest = rest.slice(best.at + best.length);
      }
    }
    return found && found.startsWith(within) ? found : null;
  }
}
