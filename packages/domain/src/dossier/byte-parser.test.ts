import { describe, expect, it } from 'vitest';
import { exampleDossier } from '../rules/fixtures.ts';
import { defaultCitySettings } from '../settings/city-settings.ts';
import { type AuditOutcome, AuditSession } from './auditor.ts';
import { parseDossierBytes } from './byte-parser.ts';
import { dossierSchema } from './format.ts';
import { type FormatError, validate } from './schema-dsl.ts';
import { DossierStreamSplitter } from './stream.ts';
import { generateDossiers, seededRng } from './synthetic.ts';

/**
 * The byte parser only ever says yes to what the general path (TextDecoder, JSON.parse, validate)
 * would accept, and then gives the same value and the same latest date. Everything else it must
 * leave to the general path, which is what reports errors.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const asOf = '2026-11-27';

/** The general path's verdict on one dossier's bytes. */
function general(bytes: Uint8Array): { ok: true; value: unknown; latest: string } | { ok: false } {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    return { ok: false };
  }
  const errors: FormatError[] = [];
  const latest = validate(dossierSchema, value, '$', errors);
  return errors.length ? { ok: false } : { ok: true, value, latest };
}

const dossierFieldNames = dossierSchema.kind === 'object' ? dossierSchema.entries.map((e) => e[0]) : [];

function withoutUndefined(d: object): object {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));
}

/** The invariant: a yes from the byte parser is a yes from the general path, with the same value. */
function agrees(bytes: Uint8Array): boolean {
  const fast = parseDossierBytes(bytes, 0, bytes.length);
  if (fast === undefined) return false;
  const slow = general(bytes);
  expect(slow.ok, decoder.decode(bytes)).toBe(true);
  if (!slow.ok) return true;
  expect(fast.next).toBe(bytes.length);
  // The dossier carries every field of the format, absent ones undefined (one hidden class for all
  // dossiers); without those, it is JSON.parse's value exactly.
  expect(Object.keys(fast.dossier)).toEqual(dossierFieldNames);
  expect(withoutUndefined(fast.dossier)).toStrictEqual(slow.value);
  expect(fast.latest).toBe(slow.latest);
  return true;
}

const { file } = generateDossiers({ count: 400, seed: 99, asOf });
const samples = [exampleDossier(), exampleDossier({ version: 'V2014' }), exampleDossier({ migrant: false }), { id: 'D-2', person: { name: '李四' } }, ...file.dossiers];

describe('byte parser', () => {
  it('reads valid dossiers exactly as JSON.parse does, compact, pretty or with every non-ASCII character escaped', () => {
    for (const d of samples) {
      const compact = JSON.stringify(d);
      expect(agrees(encoder.encode(compact))).toBe(true);
      expect(agrees(encoder.encode(JSON.stringify(d, null, 2).replace(/\n/g, '\r\n')))).toBe(true);
      expect(agrees(encoder.encode(compact.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)))).toBe(true);
    }
  });

  it('keeps the values that are easy to get wrong: escapes, BOM and line separators in strings, -0, fractions, exponents', () => {
    const d = exampleDossier();
    d.person.name = '王"五\\\n\t\u2028\ufeff😀';
    d.training!.hours = 24.5;
    d.training!.days = 3e0;
    d.admissionMeeting!.abstain = -0;
    d.deferral = { monthsAwayLastYear: 1.25e-1 };
    expect(agrees(encoder.encode(JSON.stringify(d)))).toBe(true);
    const text = JSON.stringify(d).replace('"abstain":0', '"abstain":-0').replace('"days":3', '"days":3.0E0');
    expect(agrees(encoder.encode(text))).toBe(true);
    expect(Object.is((parseDossierBytes(encoder.encode(text), 0, text.length * 4)?.dossier as typeof d | undefined)?.admissionMeeting?.abstain, -0)).toBe(true);
  });

  it('leaves errors and anything unusual to the general path', () => {
    const base = JSON.stringify(exampleDossier());
    const refused = [
      base.replace('"id":', '"nickname":"x","id":'),
      base.replace(/"talk":\{[^}]*\}/, '"talk":null'),
      base.replace('"2024-03-20"', '"2024-02-30"'),
      base.replace('"decidedBy":"branchCommittee"', '"decidedBy":"secretary"'),
      base.replace('"yes":17', '"yes":"17"'),
      base.replace('"yes":17', '"yes":17.5'),
      base.replace('"yes":17', '"yes":017'),
      base.replace('"talk":{"on":"2024-03-20"', '"talk":{"on":"2024-03-20","on":"2024-03-21"'),
      base.replace('"name":"向绍辉"', '"name":"  "'),
      base.replace('"originCode":"510525"', '"originCode":"51052"'),
      base.slice(0, -1),
      `${base.slice(0, -1)},}`,
      base.replace(':', ' : x'),
      // JSON.parse makes an own property of it; an assignment would not.
      base.replace('"recordedAt":{', '"recordedAt":{"__proto__":"2024-09-11T10:00:00+08:00",'),
    ];
    for (const text of refused) {
      const bytes = encoder.encode(text);
      expect(parseDossierBytes(bytes, 0, bytes.length), text.slice(0, 80)).toBeUndefined();
    }
    // Not UTF-8: TextDecoder would substitute U+FFFD; the general path does that, not this one.
    const bytes = encoder.encode(base);
    const at = bytes.indexOf(encoder.encode('向')[0]!);
    for (const bad of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe5, 0x41]]) {
      const broken = new Uint8Array([...bytes.subarray(0, at), ...bad, ...bytes.subarray(at + 3)]);
      expect(parseDossierBytes(broken, 0, broken.length)).toBeUndefined();
    }
    // Cut short by the end of what it may read (a chunk boundary).
    expect(parseDossierBytes(bytes, 0, bytes.length - 1)).toBeUndefined();
  });

  it('never says yes where the general path would say no (random damage to valid dossiers)', () => {
    const rng = seededRng(20261128);
    const pieces = ['"', '\\', '\\u0041', '{', '}', '[', ']', ',', ':', ' ', '0', '-', '1e400', 'null', 'true', '"x"', '\u00e9', '\ud83d', '2024-13-01', '9'];
    let accepted = 0;
    for (let round = 0; round < 3000; round++) {
      const text = JSON.stringify(samples[rng.int(0, samples.length - 1)]);
      const at = rng.int(0, text.length - 1);
      const cut = rng.int(0, 3);
      const mutated = text.slice(0, at) + (rng.chance(0.8) ? rng.pick(pieces) : '') + text.slice(at + cut);
      if (agrees(encoder.encode(mutated))) accepted++;
    }
    // Some damage leaves valid dossiers (a digit for a digit, spaces): those must agree too.
    expect(accepted).toBeGreaterThan(0);
  });

  it('builds the same objects for any set of fields present, past the generated shapes too', () => {
    const rng = seededRng(11);
    const full = exampleDossier() as unknown as Record<string, unknown>;
    const optional = Object.keys(full).filter((k) => k !== 'id' && k !== 'person');
    // About 1,500 different sets of fields: more than the builders generated per schema (1,024).
    for (let i = 0; i < 1500; i++) {
      const d: Record<string, unknown> = { id: `D-${i}`, person: full.person };
      for (const k of optional) if (rng.chance(0.5)) d[k] = full[k];
      expect(agrees(encoder.encode(JSON.stringify(d)))).toBe(true);
    }
  });

  it('lets a whole file audit exactly as the general path does, whatever the chunk size', () => {
    const rng = seededRng(7);
    const damaged = file.dossiers.slice(0, 60).map((d) => JSON.stringify(d));
    damaged[5] = damaged[5]!.replace('"person":{', '"person":{"nick":1,');
    damaged[9] = damaged[9]!.replace(/"(\d{4})-(\d\d)-(\d\d)"/, '"$1-$2-32"');
    const texts = [`{"format":"xinxue-dossier/1","dossiers":[${file.dossiers.slice(0, 60).map((d) => JSON.stringify(d)).join(',')}]}`, `{"format":"xinxue-dossier/1","dossiers":[${damaged.join(',\n')}]}`];
    for (const text of texts) {
      const bytes = encoder.encode(text);
      const run = (fast: boolean, size: number): AuditOutcome => {
        const session = new AuditSession({ asOf, settings: defaultCitySettings });
        const splitter = new DossierStreamSplitter((value, _i, latest) => session.add(value, latest), { fast });
        for (let i = 0; i < bytes.length; i += size) splitter.push(bytes.slice(i, i + size));
        splitter.end();
        session.fileErrors(splitter.errors);
        return session.finish();
      };
      const expected = run(false, 1 << 20);
      for (const size of [rng.int(50, 300), 4096, 1 << 20]) expect(run(true, size)).toEqual(expected);
    }
  });
});
