import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-days.ts';
import type { Dossier } from '../dossier/format.ts';
import { type Boundaries, type CitySettings, type RuleSetting, defaultCitySettings } from '../settings/city-settings.ts';
import { resolveSettings } from '../settings/resolve.ts';
import { evaluateDossier, evaluateFile } from './engine.ts';
import { FIXTURE_AS_OF, exampleDossier } from './fixtures.ts';
import { registry, ruleById } from './registry.ts';
import type { Finding, RuleModule } from './types.ts';

/**
 * Case tables (conventions.md): each rule file has a test file that calls `caseTable` with valid
 * cases (no finding of the rule) and invalid ones (exactly the expected message keys). Each case
 * starts from the clean example dossier and changes it. Test-only: imports Vitest.
 */
export interface Case {
  name: string;
  /** Changes the clean example (or `from`) in place. */
  change?: (d: Dossier) => void;
  from?: () => Dossier;
  /** Other dossiers in the same file (for checks across dossiers). */
  others?: () => Dossier[];
  settings?: Partial<Omit<CitySettings, 'rules' | 'boundaries'>> & { boundaries?: Partial<Boundaries>; rules?: Record<string, RuleSetting> };
  asOf?: string;
}

export interface InvalidCase extends Case {
  /** Message keys of this rule, or `R-…:key` for an aliased rule's findings. */
  expect: string[];
  /** Optional: the severity every expected finding must have. */
  severity?: Finding['severity'];
  /** Optional: text the (first) message must contain. */
  message?: RegExp | string;
}

function mergeRules(...layers: Record<string, RuleSetting>[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const layer of layers) for (const [id, setting] of Object.entries(layer)) out[id] = { ...out[id], ...setting, params: { ...out[id]?.params, ...setting.params } };
  return out;
}

export function runCase(rule: RuleModule, c: Case): Finding[] {
  const d = c.from ? c.from() : exampleDossier();
  c.change?.(d);
  const ids = rule.aliasOf ? [...rule.aliasOf] : [rule.id];
  // A rule that judges after the others (R-VIOLATION) needs them to have run.
  const rules = rule.phase === 'after' ? registry : ids.map((id) => ruleById(id)!);
  const given = c.settings ?? {};
  const settings: CitySettings = {
    ...defaultCitySettings,
    ...given,
    boundaries: { ...defaultCitySettings.boundaries, ...given.boundaries },
    // The rule under test runs even when it is a LOCAL rule that is off by default.
    rules: mergeRules(defaultCitySettings.rules, Object.fromEntries(ids.map((id) => [id, { enabled: true }])), given.rules ?? {}),
  };
  const engine = {
    asOf: c.asOf ?? FIXTURE_AS_OF,
    settings: resolveSettings(settings, rules),
    calendar: createWorkingDayCalendar({ overrides: settings.calendar }),
    rules,
  };
  const all = [d, ...(c.others?.() ?? [])];
  const own = evaluateDossier(d, engine);
  const keys = new Map(rules.filter((r) => r.fileKey).map((r) => [r.id, all.map((x) => r.fileKey!(x))]));
  const fromFile = evaluateFile(keys, engine).get(0) ?? [];
  const wanted = new Set(ids);
  return [...own, ...fromFile].filter((f) => wanted.has(f.rule));
}

function keysOf(rule: RuleModule, findings: Finding[]): string[] {
  return findings.map((f) => (f.rule === rule.id ? f.key : `${f.rule}:${f.key}`)).sort();
}

export function caseTable(rule: RuleModule, table: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(`${rule.id} ${rule.name}`, () => {
    it('has at least one valid and one invalid case', () => {
      expect(table.valid.length).toBeGreaterThan(0);
      expect(table.invalid.length).toBeGreaterThan(0);
    });
    for (const c of table.valid) {
      it(`passes: ${c.name}`, () => {
        expect(keysOf(rule, runCase(rule, c))).toEqual([]);
      });
    }
    for (const c of table.invalid) {
      it(`finds: ${c.name}`, () => {
        const findings = runCase(rule, c);
        expect(keysOf(rule, findings)).toEqual([...c.expect].sort());
        for (const f of findings) {
          expect(f.message, 'every placeholder is filled').not.toMatch(/\{\w+\}/);
          if (c.severity) expect(f.severity).toBe(c.severity);
        }
        if (c.message) expect(findings[0]?.message).toMatch(c.message);
      });
    }
  });
}
