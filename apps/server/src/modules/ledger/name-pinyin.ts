import { pinyin } from 'pinyin-pro';

/**
 * Full pinyin and initials of a name, computed once at write time and indexed, with surname
 * readings (单 → shan, 曾 → zeng). Non-Han characters (·, letters) are dropped from both.
 */
export function namePinyin(name: string): { full: string; initials: string } {
  // Names repeat a great deal in a city's ledger, and pinyin-pro's segmentation is the costly part of a row.
  const cached = cache.get(name);
  if (cached) return cached;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', mode: 'surname' })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
  const result = { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
  if (cache.size >= 200_000) cache.clear();
  cache.set(name, result);
  return result;
}

const cache = new Map<string, { full: string; initials: string }>();
