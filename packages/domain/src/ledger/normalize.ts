/**
 * Value normalisation for imported spreadsheets: what departments' exports really contain.
 * Pure functions; each returns null when the value cannot be read, and the caller reports the row.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** Full-width ASCII (０-９, Ａ-Ｚ, punctuation) to half-width, ideographic space to space, trimmed. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ').trim();
}

/** Anything cleanText would change: full-width ASCII or any whitespace (the ideographic space is one). */
const NEEDS_CLEANING = /[\uFF01-\uFF5E\s]/;

export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value);
  // Most cells need nothing; an import cleans a dozen per row.
  if (!NEEDS_CLEANING.test(text)) return text;
  return toHalfWidth(text).replace(/\s+/g, ' ');
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** Days between Excel's epoch (1899-12-30, which absorbs the 1900 leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/**
 * Reads a date written any of the ways exports write it: a Date cell, an Excel serial number,
 * 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, 20230501, and year-month only (2023-05, 2023年5月 → day 1).
 */
export function parseDateValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // ExcelJS gives dates at UTC midnight; take the UTC calendar day.
    return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') {
    if (value > 20000 && value < 80000 && Number.isInteger(Math.floor(value))) {
      const date = new Date((Math.floor(value) - EXCEL_EPOCH_OFFSET) * 86_400_000);
      return date.toISOString().slice(0, 10);
    }
    value = String(value);
  }
  const s = toHalfWidth(String(value))
    .replace(/[T\s]+\d{1,2}:\d{2}(:\d{2})?(\.\d+)?Z?$/, '')
    .replace(/\s+/g, '');
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), 1);
  if (/^\d{5}(\.\d+)?$/.test(s)) return parseDateValue(Number(s));
  return null;
}

export const directions = ['inbound', 'outbound'] as const;
export type Direction = (typeof directions)[number];
export const directionLabels: Record<Direction, string> = { inbound: '流入', outbound: '流出' };

export function parseDirection(value: unknown): Direction | null {
  const s = cleanText(value);
  if (!s) return null;
  if (/流入|外来|来宜|inbound/i.test(s)) return 'inbound';
  if (/流出|外出|outbound/i.test(s)) return 'outbound';
  return null;
}

/**
 * Splits a cell that may hold several phones ("138…/0717-…", "138…，139…", "138… 139…"). Spaces
 * inside one number ("138 1234 5678") are kept together.
 */
export function splitPhones(value: unknown): string[] {
  const parts: string[] = [];
  for (const part of cleanText(value).split(/[,，;；/、]+/)) {
    const compact = part.replace(/\s+/g, '');
    if (!compact) continue;
    if (compact.replace(/^(\+|00)86/, '').length <= 14) parts.push(part.trim());
    else parts.push(...part.split(/\s+/).filter(Boolean));
  }
  return parts;
}
