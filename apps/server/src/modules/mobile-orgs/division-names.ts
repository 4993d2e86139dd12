import type { DivisionsService } from '../divisions/divisions.service.ts';

const LEVEL_LENGTHS = [2, 4, 6, 9, 12] as const;
/** Placeholder levels of the NBS tree that carry no name of their own (上海市 → 市辖区 → 浦东新区). */
const NAMELESS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The divisions containing `prefix`, itself included, as 12-digit codes (420506001 → 42…, 4205…, 420506…, 420506001…). */
export function containingCodes(prefix: string): string[] {
  return LEVEL_LENGTHS.filter((n) => n <= prefix.length).map((n) => prefix.slice(0, n).padEnd(12, '0'));
}

/** The codes from the province down to `code`, each with the length of its prefix. */
function chainOf(code: string): [number, string][] {
  const chain: [number, string][] = [];
  for (const n of LEVEL_LENGTHS) {
    const c = code.slice(0, n).padEnd(12, '0');
    if (!chain.some(([, x]) => x === c)) chain.push([n, c]);
    if (c === code) break;
  }
  return chain;
}

/**
 * Full names of many divisions with one lookup: "广东省深圳市宝安区", "夷陵区小溪塔街道". Levels whose
 * prefix is `omitUpTo` digits or shorter are left out (2: no province; 4: not the city either),
 * except the division itself.
 */
export async function fullNames(divisions: DivisionsService, codes: Iterable<string>, omitUpTo: 0 | 2 | 4 = 0): Promise<Map<string, string>> {
  const chains = new Map([...new Set(codes)].map((code) => [code, chainOf(code)]));
  const names = await divisions.names([...chains.values()].flatMap((chain) => chain.map(([, c]) => c)));
  const out = new Map<string, string>();
  for (const [code, chain] of chains) {
    const text = chain
      .filter(([n, c]) => n > omitUpTo || c === code)
      .map(([, c]) => names.get(c))
      .filter((n): n is string => !!n && !NAMELESS.has(n))
      .map((n) => n.replace(/(村民委员会|居民委员会)$/, ''))
      .join('');
    out.set(code, text || names.get(code) || code);
  }
  return out;
}
