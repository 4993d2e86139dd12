import { pinyin } from 'pinyin-pro';

/**
 * Full pinyin and initials of a name, computed once at write time and indexed, with surname
 * readings (单 → shan, 曾 → zeng). Non-Han characters (·, letters) are dropped from both.
 */
export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', mode: 'surname' })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}
