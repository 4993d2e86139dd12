import { type IsoDate, isTimestamp } from '../calendar/dates.ts';
import { type Dossier, dossierSchema } from './format.ts';
import type { Schema } from './schema-dsl.ts';

/**
 * The fast path of the streaming reader: one pass over a dossier's UTF-8 bytes that parses it and
 * checks it against the schema at once, instead of decoding the bytes to a string, JSON.parse and
 * then `validate` walking the result. It only ever says yes: it returns a value only for input
 * that JSON.parse reads to an equal value (the same keys, numbers and strings; each object's
 * fields in the format's order, as the writer writes them) *and* that `validate` passes without
 * an error. Anything else — a schema error, invalid JSON, bytes that are not UTF-8, a repeated
 * field — makes it give up, and the caller takes the general path (TextDecoder, JSON.parse,
 * `validate`), which reports the error exactly as it always has: errors, their paths and their
 * messages still come from one place only. byte-parser.test.ts holds it to that.
 *
 * Why: JSON.parse reads 55–110 MB/s on the reference VM, 40–70 µs per dossier, and the schema
 * check walked every value again. Knowing the schema, this compares field names as bytes instead
 * of making key strings, returns one shared string per date and per enum value, and checks each
 * value as it reads it (docs/decisions/0006). Not re-entrant: module state, no callbacks.
 */

/** Thrown to give up; not an Error, so no stack is captured. */
const GIVE_UP = { giveUp: true };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const DOT = 0x2e;

let buf: Uint8Array = new Uint8Array(0);
let pos = 0;
let end = 0;
/** The latest date seen, as a number ordered like the date (see `parseDate`), and as text. */
let latestKey = -1;
let latestText = '';

type Parse = () => unknown;

/** Skips JSON whitespace; returns the byte at `pos`, or -1 at the end of the input. */
function peek(): number {
  while (pos < end) {
    const c = buf[pos]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return c;
    pos++;
  }
  return -1;
}

function expect(c: number): void {
  if (peek() !== c) throw GIVE_UP;
  pos++;
}

// ---- strings ---------------------------------------------------------------------------------

/** Node's Buffer decoders, much cheaper per call than TextDecoder on short strings; absent in a browser. */
const nodeBuffer = (globalThis as { Buffer?: { prototype: { latin1Slice?: unknown; utf8Slice?: unknown } } }).Buffer?.prototype;
const latin1Slice = typeof nodeBuffer?.latin1Slice === 'function' ? (nodeBuffer.latin1Slice as (this: Uint8Array, start: number, end: number) => string) : undefined;
const utf8Slice = typeof nodeBuffer?.utf8Slice === 'function' ? (nodeBuffer.utf8Slice as (this: Uint8Array, start: number, end: number) => string) : undefined;
// ignoreBOM: a U+FEFF inside a value is kept, as JSON.parse keeps it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function asciiText(from: number, to: number): string {
  return latin1Slice ? latin1Slice.call(buf, from, to) : decoder.decode(buf.subarray(from, to));
}

/**
 * Non-ASCII strings (names of people and organizations) repeat a great deal in a file and cost the
 * most to decode, so the last one seen per hash slot is kept: its bytes and its text.
 */
const CACHE_SIZE = 4096;
/** Longer strings are decoded each time. */
const CACHE_BYTES = 64;
/** The bytes of each cached string in one block (CACHE_BYTES per slot): no typed array per entry for the GC to track. */
const cachedBytes = new Uint8Array(CACHE_SIZE * CACHE_BYTES);
/** Byte length per slot; 0 = empty (the empty string is never looked up here). */
const cachedLength = new Uint8Array(CACHE_SIZE);
const cachedText: string[] = new Array<string>(CACHE_SIZE).fill('');

/**
 * Text of the UTF-8 bytes [from, to) that contain a byte ≥ 0x80. Gives up on anything that is not
 * well-formed UTF-8 (overlong forms, surrogates, truncated sequences): TextDecoder would replace
 * those with U+FFFD, and the general path does exactly that.
 */
function utf8Text(from: number, to: number): string {
  let hash = to - from;
  for (let i = from; i < to; ) {
    const c = buf[i]!;
    hash = (Math.imul(hash, 31) + c) | 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let low = 0x80;
    let high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) more = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      more = 2;
      if (c === 0xe0) low = 0xa0;
      else if (c === 0xed) high = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      more = 3;
      if (c === 0xf0) low = 0x90;
      else if (c === 0xf4) high = 0x8f;
    } else throw GIVE_UP;
    if (i + more >= to) throw GIVE_UP;
    const c1 = buf[i + 1]!;
    if (c1 < low || c1 > high) throw GIVE_UP;
    hash = (Math.imul(hash, 31) + c1) | 0;
    for (let k = 2; k <= more; k++) {
      const ck = buf[i + k]!;
      if (ck < 0x80 || ck > 0xbf) throw GIVE_UP;
      hash = (Math.imul(hash, 31) + ck) | 0;
    }
    i += more + 1;
  }
  const length = to - from;
  if (length > CACHE_BYTES) return utf8Slice ? utf8Slice.call(buf, from, to) : decoder.decode(buf.subarray(from, to));
  const slot = (hash ^ (hash >>> 12)) & (CACHE_SIZE - 1);
  const base = slot * CACHE_BYTES;
  if (cachedLength[slot] === length) {
    let same = true;
    for (let k = 0; k < length; k++) {
      if (cachedBytes[base + k] !== buf[from + k]) {
        same = false;
        break;
      }
    }
    if (same) return cachedText[slot]!;
  }
  const text = utf8Slice ? utf8Slice.call(buf, from, to) : decoder.decode(buf.subarray(from, to));
  for (let k = 0; k < length; k++) cachedBytes[base + k] = buf[from + k]!;
  cachedLength[slot] = length;
  cachedText[slot] = text;
  return text;
}

/** A JSON string at `pos` (after whitespace); leaves `pos` after its closing quote. */
function parseString(): string {
  if (peek() !== QUOTE) throw GIVE_UP;
  const from = pos + 1;
  let i = from;
  let flags = 0;
  for (;;) {
    if (i >= end) throw GIVE_UP;
    const c = buf[i]!;
    if (c === QUOTE) break;
    if (c < 0x20) throw GIVE_UP;
    if (c === BACKSLASH) {
      flags |= 1;
      i += 2;
      continue;
    }
    flags |= c & 0x80;
    i++;
  }
  if (i >= end) throw GIVE_UP;
  pos = i + 1;
  if (flags === 0) return asciiText(from, i);
  if ((flags & 1) === 0) return utf8Text(from, i);
  // Escapes (a file written with every non-ASCII character as \uXXXX has them in every name):
  // JSON.parse of the literal alone gives exactly what it gives inside the document.
  const literal = flags & 0x80 ? utf8Text(from - 1, i + 1) : asciiText(from - 1, i + 1);
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw GIVE_UP;
  }
}

/** Matches the bytes of `word` followed by a closing quote at `at`. */
function matchesAt(at: number, word: Uint8Array): boolean {
  const n = word.length;
  if (at + n >= end || buf[at + n] !== QUOTE) return false;
  for (let k = 0; k < n; k++) if (buf[at + k] !== word[k]) return false;
  return true;
}

// ---- dates -----------------------------------------------------------------------------------

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** One string per date, by year: a file has a few thousand distinct dates among millions. */
const dateTexts: (string[] | undefined)[] = new Array<string[] | undefined>(1100).fill(undefined);

function daysIn(y: number, m: number): number {
  return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : MONTH_DAYS[m]!;
}

function digit(at: number): number {
  const c = buf[at]! - 48;
  if (c < 0 || c > 9) throw GIVE_UP;
  return c;
}

/** A date as `isIsoDate` accepts it (YYYY-MM-DD, 1900–2999, a real day), with no escapes. */
function parseDate(): string {
  if (peek() !== QUOTE) throw GIVE_UP;
  const i = pos;
  if (i + 11 >= end || buf[i + 11] !== QUOTE || buf[i + 5] !== MINUS || buf[i + 8] !== MINUS) throw GIVE_UP;
  const y = digit(i + 1) * 1000 + digit(i + 2) * 100 + digit(i + 3) * 10 + digit(i + 4);
  const m = digit(i + 6) * 10 + digit(i + 7);
  const d = digit(i + 9) * 10 + digit(i + 10);
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) throw GIVE_UP;
  if (d > daysIn(y, m)) throw GIVE_UP;
  let year = dateTexts[y - 1900];
  if (year === undefined) dateTexts[y - 1900] = year = new Array<string>(13 * 32).fill('');
  const slot = m * 32 + d;
  let text = year[slot]!;
  if (text === '') year[slot] = text = asciiText(i + 1, i + 11);
  const key = (y - 1900) * 512 + slot;
  if (key > latestKey) {
    latestKey = key;
    latestText = text;
  }
  pos = i + 12;
  return text;
}

/**
 * The usual timestamp, `YYYY-MM-DDTHH:MM:SS+08:00` at `at`, checked on its bytes: everything
 * `isTimestamp` requires holds for it (a real date, hours ≤ 23, minutes and seconds ≤ 59, and such a
 * string always parses). Any other form goes to `isTimestamp` itself.
 */
function isChinaTimestamp(at: number): boolean {
  if (buf[at + 4] !== MINUS || buf[at + 7] !== MINUS || buf[at + 10] !== 0x54 || buf[at + 13] !== COLON || buf[at + 16] !== COLON) return false;
  if (buf[at + 19] !== 0x2b || buf[at + 20] !== 0x30 || buf[at + 21] !== 0x38 || buf[at + 22] !== COLON || buf[at + 23] !== 0x30 || buf[at + 24] !== 0x30) return false;
  for (const k of TIMESTAMP_DIGITS) if (buf[at + k]! < 0x30 || buf[at + k]! > 0x39) return false;
  const y = (buf[at]! - 48) * 1000 + (buf[at + 1]! - 48) * 100 + (buf[at + 2]! - 48) * 10 + (buf[at + 3]! - 48);
  const m = (buf[at + 5]! - 48) * 10 + (buf[at + 6]! - 48);
  const d = (buf[at + 8]! - 48) * 10 + (buf[at + 9]! - 48);
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return false;
  return (buf[at + 11]! - 48) * 10 + (buf[at + 12]! - 48) <= 23 && buf[at + 14]! <= 0x35 && buf[at + 17]! <= 0x35;
}

const TIMESTAMP_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

// ---- numbers ---------------------------------------------------------------------------------

/** A JSON number, read as JSON.parse reads it (the same string-to-double conversion for non-integers). */
function parseNumber(): number {
  peek();
  const from = pos;
  let i = pos;
  if (i < end && buf[i] === MINUS) i++;
  if (i >= end) throw GIVE_UP;
  let c = buf[i]!;
  let n = 0;
  if (c === 0x30) i++;
  else if (c >= 0x31 && c <= 0x39) {
    do {
      n = n * 10 + (c - 48);
      i++;
    } while (i < end && (c = buf[i]!) >= 0x30 && c <= 0x39);
  } else throw GIVE_UP;
  let exact = i - from <= 15;
  if (i < end && buf[i] === DOT) {
    exact = false;
    i++;
    if (i >= end || buf[i]! < 0x30 || buf[i]! > 0x39) throw GIVE_UP;
    while (i < end && buf[i]! >= 0x30 && buf[i]! <= 0x39) i++;
  }
  if (i < end && (buf[i] === 0x65 || buf[i] === 0x45)) {
    exact = false;
    i++;
    if (i < end && (buf[i] === 0x2b || buf[i] === MINUS)) i++;
    if (i >= end || buf[i]! < 0x30 || buf[i]! > 0x39) throw GIVE_UP;
    while (i < end && buf[i]! >= 0x30 && buf[i]! <= 0x39) i++;
  }
  pos = i;
  if (!exact) return Number(asciiText(from, i));
  return buf[from] === MINUS ? -n : n;
}

// ---- booleans and enums ----------------------------------------------------------------------

function parseBool(): boolean {
  const c = peek();
  const i = pos;
  if (c === 0x74 && i + 3 < end && buf[i + 1] === 0x72 && buf[i + 2] === 0x75 && buf[i + 3] === 0x65) {
    pos = i + 4;
    return true;
  }
  if (c === 0x66 && i + 4 < end && buf[i + 1] === 0x61 && buf[i + 2] === 0x6c && buf[i + 3] === 0x73 && buf[i + 4] === 0x65) {
    pos = i + 5;
    return false;
  }
  throw GIVE_UP;
}

interface EnumTable {
  values: readonly string[];
  words: Uint8Array[];
  set: ReadonlySet<string>;
  longest: number;
  /** Indices of the values by their length in bytes (document types alone are 22 values). */
  byLength: number[][];
  /**
   * Guesses, tried before any search: the value found last (most enums repeat one value: aspects
   * are "pass", ballots secret), and the one that followed it last time (documents come in the
   * same order in dossier after dossier).
   */
  last: number;
  after: Int32Array;
}

function enumTable(values: readonly string[]): EnumTable {
  const words = values.map((v) => encoder.encode(v));
  const longest = Math.max(...words.map((w) => w.length));
  const byLength: number[][] = Array.from({ length: longest + 1 }, () => []);
  words.forEach((w, k) => byLength[w.length]!.push(k));
  return { values, words, set: new Set(values), longest, byLength, last: 0, after: new Int32Array(values.length) };
}

/** An enum value: the schema's own string is returned, so nothing is allocated per value. */
function parseEnum(t: EnumTable): string {
  if (peek() !== QUOTE) throw GIVE_UP;
  const at = pos + 1;
  const last = t.last;
  let found = t.after[last]!;
  if (!matchesAt(at, t.words[found]!)) {
    found = last;
    if (!matchesAt(at, t.words[found]!)) {
      found = -1;
      let n = 0;
      while (n <= t.longest && at + n < end && buf[at + n] !== QUOTE) n++;
      if (n <= t.longest) {
        const candidates = t.byLength[n]!;
        for (let k = 0; k < candidates.length; k++) {
          if (matchesAt(at, t.words[candidates[k]!]!)) {
            found = candidates[k]!;
            break;
          }
        }
      }
    }
  }
  if (found >= 0) {
    t.after[last] = found;
    t.last = found;
    pos = at + t.words[found]!.length + 1;
    return t.values[found]!;
  }
  // Escaped or not a value at all: the general string path decides.
  const text = parseString();
  if (!t.set.has(text)) throw GIVE_UP;
  return text;
}

// ---- the compiled parsers --------------------------------------------------------------------

const encoder = new TextEncoder();

type Build = (values: unknown[]) => Record<string, unknown>;

const OTHER = 0;
const DATE = 1;
const ENUM = 2;
const BOOL = 3;

/** Literal builders generated per schema for this many sets of fields present, at most. */
const MAX_SHAPES = 1024;

/** Generated code, or undefined where it cannot be (a page whose CSP forbids it). */
function generated(body: string): Build | undefined {
  try {
    return new Function('v', `'use strict';\n${body}`) as Build;
  } catch {
    return undefined;
  }
}

/**
 * Makes the objects of an object schema from their values by field (undefined = absent), fields
 * in the format's order, as object literals generated from the schema's own field names (never
 * stores under computed names: a complete dossier, 31 fields, became a dictionary-mode object that
 * way and the rules ran at half speed).
 * - The dossier itself (more than 12 fields) gets one literal with every field, absent ones
 *   undefined: every dossier then has one hidden class, and the rules' hundreds of reads of each
 *   dossier stay monomorphic. With one class per set of fields present (a file has hundreds) they
 *   were megamorphic, and the rules ran about 15 % slower. The rules cannot tell the difference: an
 *   absent field and an undefined one read the same, and none lists a dossier's own keys.
 * - Smaller objects get a literal of exactly the fields present, one per set (JSON.parse's
 *   layout); past MAX_SHAPES sets, one function with a named store per field.
 * Where no code can be generated (a page whose CSP forbids it), the computed-name stores: the same
 * values, only slower.
 */
function builder(names: readonly string[]): (values: unknown[], present: number) => Record<string, unknown> {
  const general: Build =
    generated(`const o = {};\n${names.map((n, i) => `if (v[${i}] !== undefined) o[${JSON.stringify(n)}] = v[${i}];`).join('\n')}\nreturn o;`) ??
    ((values) => {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) if (values[i] !== undefined) o[names[i]!] = values[i];
      return o;
    });
  const make = (present: number): Build => {
    const fields: string[] = [];
    for (let i = 0; i < names.length; i++) if (present & (1 << i)) fields.push(`${JSON.stringify(names[i])}: v[${i}]`);
    return generated(`return { ${fields.join(', ')} };`) ?? general;
  };
  if (names.length > 12) {
    const every = generated(`return { ${names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ')} };`) ?? general;
    return (values) => every(values);
  }
  // The builders by the bits of the set, no hashing.
  let made = 0;
  const byMask = new Array<Build | undefined>(1 << names.length).fill(undefined);
  return (values, present) => {
    let build = byMask[present];
    if (build === undefined) {
      if (made >= MAX_SHAPES) return general(values);
      made++;
      byMask[present] = build = make(present);
    }
    return build(values);
  };
}

function compile(schema: Schema): Parse {
  switch (schema.kind) {
    case 'string': {
      const { nonEmpty, pattern } = schema;
      return () => {
        const text = parseString();
        if (nonEmpty && text.trim() === '') throw GIVE_UP;
        if (pattern && !pattern.test(text)) throw GIVE_UP;
        return text;
      };
    }
    case 'date':
      return parseDate;
    case 'timestamp':
      return () => {
        peek();
        const at = pos;
        const text = parseString();
        if (!(pos - at === 27 && isChinaTimestamp(at + 1)) && !isTimestamp(text)) throw GIVE_UP;
        return text;
      };
    case 'int': {
      const { min, max } = schema;
      return () => {
        const n = parseNumber();
        if (!Number.isInteger(n) || n < min || n > max) throw GIVE_UP;
        return n;
      };
    }
    case 'number': {
      const { min } = schema;
      return () => {
        const n = parseNumber();
        if (!Number.isFinite(n) || n < min) throw GIVE_UP;
        return n;
      };
    }
    case 'bool':
      return parseBool;
    case 'literal': {
      const expected = schema.value;
      return () => {
        if (parseString() !== expected) throw GIVE_UP;
        return expected;
      };
    }
    case 'enum': {
      const table = enumTable(schema.values);
      return () => parseEnum(table);
    }
    case 'array': {
      const item = compile(schema.item);
      return () => {
        expect(OPEN_ARRAY);
        const out: unknown[] = [];
        if (peek() === CLOSE_ARRAY) {
          pos++;
          return out;
        }
        for (;;) {
          out.push(item());
          const c = peek();
          pos++;
          if (c === COMMA) continue;
          if (c === CLOSE_ARRAY) return out;
          throw GIVE_UP;
        }
      };
    }
    case 'record': {
      const item = compile(schema.value);
      return () => {
        expect(OPEN_OBJECT);
        const out: Record<string, unknown> = {};
        if (peek() === CLOSE_OBJECT) {
          pos++;
          return out;
        }
        for (;;) {
          const key = parseString();
          // JSON.parse makes "__proto__" an own property; an assignment would set the prototype.
          if (key === '__proto__') throw GIVE_UP;
          expect(COLON);
          // A repeated key keeps its first place and its last value, as with JSON.parse.
          out[key] = item();
          const c = peek();
          pos++;
          if (c === COMMA) continue;
          if (c === CLOSE_OBJECT) return out;
          throw GIVE_UP;
        }
      };
    }
    case 'object': {
      const entries = schema.entries;
      const count = entries.length;
      const names = entries.map((e) => e[0]);
      const words = names.map((n) => encoder.encode(n));
      const parsers = entries.map((e) => compile(e[1]));
      // Dates, enums and booleans (most values) are parsed by direct calls the JIT can inline.
      const kinds = entries.map((e) => (e[1].kind === 'date' ? DATE : e[1].kind === 'enum' ? ENUM : e[1].kind === 'bool' ? BOOL : OTHER));
      const enums = entries.map((e) => (e[1].kind === 'enum' ? enumTable(e[1].values) : undefined));
      const required = entries.map((e) => !e[2]);
      const requiredCount = required.filter(Boolean).length;
      const build = builder(names);
      const values = new Array<unknown>(count).fill(undefined);
      return () => {
        expect(OPEN_OBJECT);
        let c = peek();
        if (c === CLOSE_OBJECT) {
          pos++;
          if (requiredCount > 0) throw GIVE_UP;
          return {};
        }
        // The values by field until the object is made (see `builder`), in one array per schema
        // object, emptied at every start: no schema contains itself, so it is never in use twice.
        values.fill(undefined);
        let seenLow = 0;
        let seenHigh = 0;
        let requiredSeen = 0;
        // Fields usually come in the format's order: try the one after the last first.
        let next = 0;
        for (;;) {
          if (c !== QUOTE) throw GIVE_UP;
          const at = pos + 1;
          let field = -1;
          for (let k = 0; k < count; k++) {
            const f = next + k < count ? next + k : next + k - count;
            if (matchesAt(at, words[f]!)) {
              field = f;
              break;
            }
          }
          // Unknown (or escaped) names are the general path's to report.
          if (field < 0) throw GIVE_UP;
          // A repeated field: JSON.parse would keep the last value; the general path decides.
          if (field < 30) {
            const bit = 1 << field;
            if (seenLow & bit) throw GIVE_UP;
            seenLow |= bit;
          } else {
            const bit = 1 << (field - 30);
            if (seenHigh & bit) throw GIVE_UP;
            seenHigh |= bit;
          }
          pos = at + words[field]!.length + 1;
          expect(COLON);
          const kind = kinds[field];
          values[field] = kind === DATE ? parseDate() : kind === ENUM ? parseEnum(enums[field]!) : kind === BOOL ? parseBool() : parsers[field]!();
          if (required[field]) requiredSeen++;
          next = field + 1;
          c = peek();
          pos++;
          if (c === COMMA) {
            c = peek();
            continue;
          }
          if (c === CLOSE_OBJECT) break;
          throw GIVE_UP;
        }
        if (requiredSeen !== requiredCount) throw GIVE_UP;
        return build(values, seenLow);
      };
    }
    default:
      // `unknown` is not part of a dossier; nothing to take a fast path for.
      return () => {
        throw GIVE_UP;
      };
  }
}

/** Compiled on first use, so importing this module generates no code. */
let parseDossier: Parse | undefined;

export interface ParsedDossier {
  dossier: Dossier;
  /** The latest date in the dossier ('' when it has none), as `validate` returns it. */
  latest: IsoDate;
  /** The index just after the dossier's closing brace. */
  next: number;
}

/**
 * Reads the dossier object that starts at `start` (its `{`, after any whitespace) within
 * `bytes[start, stop)`. Returns undefined when the general path must decide: the dossier is not
 * valid, not valid JSON, uses something this does not handle, or does not end before `stop`.
 */
export function parseDossierBytes(bytes: Uint8Array, start: number, stop: number): ParsedDossier | undefined {
  buf = bytes;
  pos = start;
  end = stop;
  latestKey = -1;
  latestText = '';
  try {
    parseDossier ??= compile(dossierSchema);
    const dossier = parseDossier() as Dossier;
    return { dossier, latest: latestText, next: pos };
  } catch (error) {
    if (error !== GIVE_UP) throw error;
    return undefined;
  } finally {
    // Do not keep the caller's buffer alive.
    buf = EMPTY;
  }
}

const EMPTY = new Uint8Array(0);
