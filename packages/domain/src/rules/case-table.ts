import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-days.ts';
import type { Dossier } from '../dossier/format.ts';
import { type CitySettings, type RuleSetting, defaultCitySettings } from '../settings/city-settings.ts';
import { resolveSettings } from '../settings/resolve.ts';
import { evaluateDossier, evaluateFile } from './engine.ts';
import { FIXTURE_AS_OF, exampleDossier } from './fixtures.ts';
import { ruleById } from './registry.ts';
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
  settings?: Partial<Omit<CitySettings, 'rules'>> & { rules?: Record<string, RuleSetting> };
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

export function runCase(rule: RuleModule, c: Case): Finding[] {
  const d = c.from ? c.from() : exampleDossier();
  c.change?.(d);
  const ids = rule.aliasOf ? [...rule.aliasOf] : [rule.id];
  const rules = ids.map((id) => ruleById(id)!);
  const given = c.settings ?? {};
  const settings: CitySettings = {
    ...defaultCitySettings,
    ...given,
    boundaries: { ...defaultCitySettings.boundaries, ...given.boundaries },
    // The rule under test runs even when it is a LOCAL rule that is off by default.
    rules: { ...defaultCitySettings.rules, ...Object.fromEntries(ids.map((id) => [id, { enabled: true }])), ...given.rules },
  };
  const engine = {
    asOf: c.asOf ?? FIXTURE_AS_OF,
    settings: resolveSettings(settings, rules),
    calendar: createWorkingDayCalendar({ overrides: settings.calendar }),
    rules,
  };
  const others = c.others?.() ?? [];
  const own = evaluateDossier(d, engine);
  const fromFile = evaluateFile([d, ...others], engine).get(0) ?? [];
  return [...own, ...fromFile];
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
