/**
 * GB 11643-1999 公民身份号码: 17-digit body + ISO 7064 MOD 11-2 check character.
 * The address code is not checked against today's division list: abolished codes (420521 宜昌县)
 * stay valid for life, so only the province prefix is checked.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Province-level prefixes of GB/T 2260, plus 81/82/83 for HK/Macao/Taiwan residence permits. */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

export function idCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdNumberProblem =
  | 'format'
  | 'province'
  | 'birthDate'
  | 'futureBirthDate'
  | 'checkDigit';

export const idNumberProblemMessages: Record<IdNumberProblem, string> = {
  format: '公民身份号码应为18位（前17位为数字，末位为数字或X）或15位数字',
  province: '公民身份号码前两位不是有效的省级行政区划代码',
  birthDate: '公民身份号码中的出生日期不存在',
  futureBirthDate: '公民身份号码中的出生日期晚于今天',
  checkDigit: '公民身份号码校验码错误',
};

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; sex: 'male' | 'female'; upgradedFrom15: boolean }
  | { ok: false; problem: IdNumberProblem; message: string };

const FULL_WIDTH_DIGITS = /[０-９Ｘｘ]/g;

/** Trims, folds full-width digits and lower-case x; does not validate. */
export function normalizeIdNumberText(raw: string): string {
  return raw
    .trim()
    .replace(/\s+/g, '')
    .replace(FULL_WIDTH_DIGITS, (c) =>
      c === 'Ｘ' || c === 'ｘ' ? 'X' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .toUpperCase();
}

/** 15-digit first-generation numbers: insert the century 19 and append the check character. */
export function upgradeIdNumber15To18(id15: string): string {
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + idCheckChar(body);
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function fail(problem: IdNumberProblem): IdNumberResult {
  return { ok: false, problem, message: idNumberProblemMessages[problem] };
}

/**
 * Validates and normalises an ID number. `today` (YYYY-MM-DD) bounds the birth date; it is a
 * parameter so the check is pure and testable.
 */
export function parseIdNumber(raw: string, today: string = new Date().toISOString().slice(0, 10)): IdNumberResult {
  let id = normalizeIdNumberText(raw);
  let upgradedFrom15 = false;
  if (/^\d{15}$/.test(id)) {
    id = upgradeIdNumber15To18(id);
    upgradedFrom15 = true;
  } else if (!/^\d{17}[\dX]$/.test(id)) {
    return fail('format');
  }
  if (!PROVINCE_PREFIXES.has(id.slice(0, 2))) return fail('province');
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return fail('birthDate');
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > today) return fail('futureBirthDate');
  if (!upgradedFrom15 && idCheckChar(id.slice(0, 17)) !== id[17]) return fail('checkDigit');
  const sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: id, birthDate, sex, upgradedFrom15 };
}
