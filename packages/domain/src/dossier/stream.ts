import type { IsoDate } from '../calendar/dates.ts';
import { parseDossierBytes } from './byte-parser.ts';
import { DOSSIER_FORMAT } from './format.ts';
import type { FormatError } from './schema-dsl.ts';

/**
 * Splits a `xinxue-dossier/1` file, arriving as UTF-8 byte chunks, into its dossiers, so a file of
 * 100,000 dossiers (hundreds of megabytes) is never held whole in memory: each dossier's bytes are
 * parsed on their own and handed on. Scanning bytes is safe because the bytes of multi-byte UTF-8
 * characters never equal the ASCII structural characters looked for. The envelope (`format`,
 * anything else at the top) is checked as the whole-file reader checks it.
 *
 * Each dossier is first offered to the byte parser (byte-parser.ts), which reads and checks it in
 * one pass; when that declines (an error, or a dossier cut by the end of a chunk) the dossier's
 * bytes are captured, decoded and JSON.parsed as before, and the checker reports any error.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Advances a capture through `chunk` from `from`: returns the index of the byte that ends the value
 * (its closing quote or bracket, or the delimiter after a bare value), or -1 when the chunk ends
 * first. Strings are skipped with indexOf (native), since most of a dossier's bytes are in strings.
 */
function scan(cap: Capture, chunk: Uint8Array, from: number): number {
  const length = chunk.length;
  let i = from;
  while (i < length) {
    if (cap.inString) {
      if (cap.escaped) {
        cap.escaped = false;
        i++;
        continue;
      }
      const q = chunk.indexOf(QUOTE, i);
      if (q < 0) {
        // An odd run of backslashes at the end escapes the first byte of the next chunk.
        let run = 0;
        for (let k = length - 1; k >= i && chunk[k] === BACKSLASH; k--) run++;
        cap.escaped = run % 2 === 1;
        return -1;
      }
      let run = 0;
      for (let k = q - 1; k >= i && chunk[k] === BACKSLASH; k--) run++;
      if (run % 2 === 1) {
        i = q + 1;
        continue;
      }
      cap.inString = false;
      if (cap.nest === 0) return q;
      i = q + 1;
      continue;
    }
    const b = chunk[i]!;
    if (cap.nest === 0) {
      if (b === COMMA || b === CLOSE_OBJECT || b === CLOSE_ARRAY || isSpace(b)) return i;
    } else if (b === QUOTE) cap.inString = true;
    else if (b === OPEN_OBJECT || b === OPEN_ARRAY) cap.nest++;
    else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
      cap.nest--;
      if (cap.nest === 0) return i;
    }
    i++;
  }
  return -1;
}

type Phase = 'start' | 'key' | 'colon' | 'value' | 'next' | 'item' | 'itemOrEnd' | 'commaOrEnd' | 'done' | 'failed';

/** A value being captured, possibly across chunks. */
interface Capture {
  kind: 'key' | 'member' | 'item';
  /** A number, true, false or null: it ends before the delimiter that follows it. */
  bare: boolean;
  inString: boolean;
  escaped: boolean;
  /** Open brackets inside the value; 0 for a string or a bare value (number, true…). */
  nest: number;
  parts: Uint8Array[];
}

/**
 * Receives each dossier in order. `latest` is set when the value was read by the byte parser, so
 * it is already known to match the dossier schema; it is the latest date in it ('' if none).
 */
export type OnDossier = (value: unknown, index: number, latest?: IsoDate) => void;

export interface SplitterOptions {
  /** Offer each dossier to the byte parser first (default true; false gives plain JSON.parse, the benchmark's baseline). */
  fast?: boolean;
}

export class DossierStreamSplitter {
  private readonly decoder = new TextDecoder();
  private readonly fast: boolean;
  private phase: Phase = 'start';
  private cap: Capture | undefined;
  private key = '';
  private index = 0;
  private seenFormat = false;
  private seenDossiers = false;
  /** Bytes of the stream seen so far (a BOM is skipped only at its very start). */
  private offset = 0;
  readonly errors: FormatError[] = [];

  constructor(
    private readonly onDossier: OnDossier,
    options: SplitterOptions = {},
  ) {
    this.fast = options.fast ?? true;
  }

  private fail(path: string, message: string): void {
    this.errors.push({ path, message });
    this.phase = 'failed';
  }

  private begin(kind: Capture['kind'], b: number): void {
    const nest = b === OPEN_OBJECT || b === OPEN_ARRAY ? 1 : 0;
    this.cap = { kind, bare: b !== QUOTE && nest === 0, inString: b === QUOTE, escaped: false, nest, parts: [] };
  }

  private complete(chunk: Uint8Array, from: number, to: number): void {
    const cap = this.cap!;
    this.cap = undefined;
    let bytes = chunk.subarray(from, to);
    if (cap.parts.length > 0) {
      const all = new Uint8Array(cap.parts.reduce((n, p) => n + p.length, 0) + bytes.length);
      let at = 0;
      for (const p of [...cap.parts, bytes]) {
        all.set(p, at);
        at += p.length;
      }
      bytes = all;
    }
    // A dossier cut by the end of a chunk: the byte parser gets a second chance on the whole of it.
    if (cap.kind === 'item' && this.fast && cap.parts.length > 0 && bytes[0] === OPEN_OBJECT) {
      const parsed = parseDossierBytes(bytes, 0, bytes.length);
      if (parsed && parsed.next === bytes.length) {
        this.onDossier(parsed.dossier, this.index++, parsed.latest);
        this.phase = 'commaOrEnd';
        return;
      }
    }
    const path = cap.kind === 'item' ? `$.dossiers[${this.index}]` : cap.kind === 'member' ? `$.${this.key}` : '$';
    let value: unknown;
    try {
      value = JSON.parse(this.decoder.decode(bytes));
    } catch (error) {
      this.fail(path, `不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (cap.kind === 'key') {
      this.key = value as string;
      this.phase = 'colon';
    } else if (cap.kind === 'item') {
      this.onDossier(value, this.index++);
      this.phase = 'commaOrEnd';
    } else {
      if (this.key === 'format') {
        this.seenFormat = true;
        if (value !== DOSSIER_FORMAT) this.errors.push({ path: '$.format', message: `应为 “${DOSSIER_FORMAT}”，实际为 ${JSON.stringify(value)}` });
      } else this.errors.push({ path: `$.${this.key}`, message: '未知字段（格式中没有此字段）' });
      this.phase = 'next';
    }
  }

  push(chunk: Uint8Array): void {
    let i = 0;
    const base = this.offset;
    this.offset += chunk.length;
    let capStart = this.cap ? 0 : -1;
    while (i < chunk.length && this.phase !== 'done' && this.phase !== 'failed') {
      const cap = this.cap;
      if (cap) {
        const end = scan(cap, chunk, i);
        if (end < 0) break;
        if (cap.bare) {
          // A bare value ends before its delimiter, which is then read again as structure.
          this.complete(chunk, capStart, end);
          capStart = -1;
          i = end;
          continue;
        }
        this.complete(chunk, capStart, end + 1);
        capStart = -1;
        i = end + 1;
        continue;
      }
      const b = chunk[i]!;
      if (isSpace(b)) {
        i++;
        continue;
      }
      switch (this.phase) {
        case 'start':
          if (base + i < 3 && (b === 0xef || b === 0xbb || b === 0xbf)) break;
          if (b !== OPEN_OBJECT) return this.fail('$', '应为对象：文件应以 { 开始');
          this.phase = 'key';
          break;
        case 'key':
          if (b === CLOSE_OBJECT && !this.seenFormat && !this.seenDossiers) this.phase = 'done';
          else if (b !== QUOTE) return this.fail('$', '不是有效的 JSON：应为字段名');
          else {
            this.begin('key', b);
            capStart = i;
          }
          break;
        case 'colon':
          if (b !== COLON) return this.fail('$', '不是有效的 JSON：字段名后应为冒号');
          this.phase = 'value';
          break;
        case 'value':
          if (this.key !== 'dossiers') {
            this.begin('member', b);
            capStart = i;
          } else if (b !== OPEN_ARRAY) return this.fail('$.dossiers', '应为数组');
          else {
            this.seenDossiers = true;
            this.phase = 'itemOrEnd';
          }
          break;
        case 'itemOrEnd':
        case 'item':
          if (b === CLOSE_ARRAY && this.phase === 'itemOrEnd') this.phase = 'next';
          else if (b === COMMA || b === CLOSE_ARRAY) return this.fail(`$.dossiers[${this.index}]`, '不是有效的 JSON：缺少档案');
          else {
            if (b === OPEN_OBJECT && this.fast) {
              const parsed = parseDossierBytes(chunk, i, chunk.length);
              if (parsed) {
                this.onDossier(parsed.dossier, this.index++, parsed.latest);
                this.phase = 'commaOrEnd';
                i = parsed.next;
                continue;
              }
            }
            this.begin('item', b);
            capStart = i;
          }
          break;
        case 'commaOrEnd':
          if (b === COMMA) this.phase = 'item';
          else if (b === CLOSE_ARRAY) this.phase = 'next';
          else return this.fail(`$.dossiers[${this.index}]`, '不是有效的 JSON：档案之间应为逗号');
          break;
        case 'next':
          if (b === COMMA) this.phase = 'key';
          else if (b === CLOSE_OBJECT) this.phase = 'done';
          else return this.fail('$', '不是有效的 JSON：应为逗号或 }');
          break;
        default:
          break;
      }
      i++;
    }
    // A copy: the caller may reuse its buffer for the next chunk (Buffer#slice would only be a view).
    if (this.cap) this.cap.parts.push(new Uint8Array(chunk.subarray(Math.max(capStart, 0))));
  }

  /** Call after the last chunk: reports a truncated file and missing top-level fields. */
  end(): void {
    if (this.phase === 'failed') return;
    if (this.phase !== 'done') {
      this.errors.push({ path: '$', message: '不是有效的 JSON：文件不完整' });
      return;
    }
    if (!this.seenFormat) this.errors.push({ path: '$.format', message: '缺少必填字段' });
    if (!this.seenDossiers) this.errors.push({ path: '$.dossiers', message: '缺少必填字段' });
  }
}
