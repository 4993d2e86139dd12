import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { additions, notImplemented } from './not-implemented.ts';
import { registry } from './registry.ts';

/**
 * The rule registry against its documentation, shared/domain/rules.md (read from the repository's
 * sibling `shared/`, which CI has too): every id of §2 and §5.2/§5.4 is registered or listed as not
 * implemented with a reason; ids are unique; versions and severities agree with the tables; every
 * module is documented and has its case table.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const rulesMd = readFileSync(path.resolve(repoRoot, '../shared/domain/rules.md'), 'utf8');

interface Row {
  id: string;
  section: string;
  versions: string | undefined;
  severity: string | undefined;
}

/** Rows of the tables between two headings, by the tables' own column names. */
function rows(from: string, to: string, section: string): Row[] {
  const start = rulesMd.indexOf(from);
  const end = rulesMd.indexOf(to, start + 1);
  expect(start, `heading “${from}” in rules.md`).toBeGreaterThanOrEqual(0);
  const out: Row[] = [];
  let header: string[] = [];
  for (const line of rulesMd.slice(start, end).split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells[0] === 'id') header = cells;
    const m = /^(R-[A-Z0-9-]+)$/.exec(cells[0] ?? '');
    if (!m) continue;
    const col = (name: string) => {
      const i = header.findIndex((h) => h.includes(name));
      return i >= 0 ? cells[i] : undefined;
    };
    out.push({ id: m[1]!, section, versions: col('versions'), severity: col('severity') });
  }
  return out;
}

const documented = [
  ...rows('## 2. Rules as machine-checkable checks', '## 3.', '§2'),
  ...rows('### 5.2 Rules specific to migrants', '### 5.3', '§5.2'),
  ...rows('### 5.4 Local rules', '### 5.5', '§5.4'),
];
const documentedIds = new Set(documented.map((r) => r.id));
const registeredIds = registry.map((r) => r.id);

describe('rule registry against rules.md', () => {
  it('finds the tables of §2, §5.2 and §5.4', () => {
    expect(documented.length).toBeGreaterThan(90);
    expect(documentedIds.has('R-DEV-1Y')).toBe(true);
    expect(documentedIds.has('R-MIG-MOBILE-ORG-SCOPE')).toBe(true);
    expect(documentedIds.has('R-APPRAISAL-THREE')).toBe(true);
  });

  it('registers every documented id, or lists it as not implemented with a reason', () => {
    const missing = [...documentedIds].filter((id) => !registeredIds.includes(id) && !notImplemented.some((n) => n.id === id));
    expect(missing).toEqual([]);
    for (const n of notImplemented) {
      expect(documentedIds.has(n.id), `${n.id} is a rules.md id`).toBe(true);
      expect(registeredIds.includes(n.id), `${n.id} is not also registered`).toBe(false);
      expect(n.reason.length).toBeGreaterThan(10);
    }
  });

  it('registers nothing undocumented, except the listed additions', () => {
    const extra = registeredIds.filter((id) => !documentedIds.has(id));
    expect(extra.sort()).toEqual(additions.map((a) => a.id).sort());
    for (const a of additions) expect(a.reason.length).toBeGreaterThan(10);
  });

  it('has unique ids', () => {
    expect(new Set(registeredIds).size).toBe(registeredIds.length);
    expect(new Set(documented.map((r) => r.id)).size).toBe(documented.length);
  });

  it('documents every rule: name, text, source, step, messages', () => {
    for (const rule of registry) {
      expect(rule.name.length, rule.id).toBeGreaterThan(2);
      expect(rule.text.length, rule.id).toBeGreaterThan(10);
      expect(rule.source.length, rule.id).toBeGreaterThan(3);
      expect(rule.step, rule.id).toBeGreaterThanOrEqual(1);
      expect(rule.step, rule.id).toBeLessThanOrEqual(25);
      if (rule.aliasOf) for (const id of rule.aliasOf) expect(registeredIds, `${rule.id} → ${id}`).toContain(id);
      else expect(Object.keys(rule.messages).length, rule.id).toBeGreaterThan(0);
      for (const m of Object.values(rule.messages)) expect(typeof m === 'string' ? m : m[1], rule.id).toMatch(/[\u4e00-\u9fff]/);
      if (rule.versions.includes('LOCAL')) expect(rule.defaultEnabled, `${rule.id} states whether it is on by default`).toBeTypeOf('boolean');
    }
  });

  it('agrees with the versions column', () => {
    for (const row of documented) {
      const rule = registry.find((r) => r.id === row.id);
      if (!rule) continue;
      const v = row.section === '§5.4' ? 'LOCAL' : row.versions?.split(/[ (/]/)[0];
      const expected: Record<string, string[]> = { both: ['V2014', 'V2026'], V2026: ['V2026'], LEAGUE: ['LEAGUE'], LOCAL: ['LOCAL'] };
      if (v && expected[v] && row.versions !== 'V2026 (V2014 variant)') expect([...rule.versions].sort(), row.id).toEqual(expected[v]);
    }
  });

  it('has a default severity the severity column names', () => {
    for (const row of documented) {
      const rule = registry.find((r) => r.id === row.id);
      const named = (row.severity ?? '').match(/BLOCK|WARN|INFO/g);
      if (!rule || !named) continue;
      expect(named, row.id).toContain(rule.severity);
    }
  });

  it('has one file and one case table per rule, and no unregistered rule file', () => {
    const files = readdirSync(here).filter((f) => /^R-[A-Z0-9-]+\.ts$/.test(f));
    expect(files.map((f) => f.slice(0, -3)).sort()).toEqual([...registeredIds].sort());
    for (const id of registeredIds) expect(existsSync(path.join(here, `${id}.test.ts`)), `${id}.test.ts`).toBe(true);
  });
});
