import { describe, expect, it } from 'vitest';
import { auditDossierFile, createEngine } from '../dossier/auditor.ts';
import { defaultCitySettings } from '../settings/city-settings.ts';
import { evaluateDossier, fillMessage, versionOn } from './engine.ts';
import { describeRule, describeRules } from './explain.ts';
import { FIXTURE_AS_OF, exampleDossier } from './fixtures.ts';

const serious = <F extends { severity: string }>(findings: F[]) => findings.filter((f) => f.severity !== 'INFO');

describe('rule engine', () => {
  it('finds nothing serious in the clean examples (2026, 2014, not a migrant)', () => {
    const engine = createEngine(FIXTURE_AS_OF);
    for (const d of [exampleDossier(), exampleDossier({ version: 'V2014' }), exampleDossier({ migrant: false })]) {
      expect(serious(evaluateDossier(d, engine)).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    }
  });

  it('chooses the version by the date of the guarded step and the switch date', () => {
    expect(versionOn('2026-05-10', '2026-05-11')).toBe('V2014');
    expect(versionOn('2026-05-11', '2026-05-11')).toBe('V2026');
    const d = exampleDossier();
    delete d.candidate!.upperConsentOn;
    d.candidate!.filedOn = '2026-05-25';
    const found = (switchDate: string) => evaluateDossier(d, createEngine(FIXTURE_AS_OF, { ...defaultCitySettings, switchDate })).filter((f) => f.rule === 'R-DEV-DECISION');
    expect(found('2026-05-11').map((f) => [f.key, f.version])).toEqual([['noConsent', 'V2026']]);
    // The city moves the switch after the listing: the 2014 filing suffices.
    expect(found('2026-07-01')).toEqual([]);
  });

  it('reports a rule it cannot check for want of calendar data instead of passing it', () => {
    const d = exampleDossier();
    d.candidate = { committeeProposalOn: '2026-12-20', upperConsentOn: '2026-12-22', on: '2027-01-20' };
    d.notices = [{ stage: 'candidate', place: 'workplace', start: '2026-12-28', end: '2027-01-05', objections: [] }];
    const findings = evaluateDossier(d, createEngine('2027-12-31')).filter((f) => f.rule === 'R-PUB-CANDIDATE-5WD');
    expect(findings.map((f) => [f.key, f.severity])).toEqual([['calendarMissing', 'WARN']]);
    expect(findings[0]!.message).toMatch(/无法核验.*2027/);
    const withNotice = createEngine('2027-12-31', { ...defaultCitySettings, calendar: [{ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [], source: '测试' }] });
    expect(evaluateDossier(d, withNotice).filter((f) => f.rule === 'R-PUB-CANDIDATE-5WD')).toEqual([]);
  });

  it('fills messages and leaves unknown placeholders visible', () => {
    expect(fillMessage('{a} 与 {b}，{c}', { a: '2026-01-01', b: true, c: null })).toBe('2026-01-01 与 是，（无）');
    expect(fillMessage('{x}', {})).toBe('{x}');
  });

  it('keeps LOCAL rules off unless the city turns them on', () => {
    const d = exampleDossier();
    d.activist!.on = '2024-05-01';
    const ids = (settings = defaultCitySettings) => evaluateDossier(d, createEngine(FIXTURE_AS_OF, settings)).map((f) => f.rule);
    expect(ids()).not.toContain('R-APP-MIN-WAIT');
    expect(ids({ ...defaultCitySettings, rules: { ...defaultCitySettings.rules, 'R-APP-MIN-WAIT': { enabled: true } } })).toContain('R-APP-MIN-WAIT');
  });

  it('is deterministic: the same input gives the same output', () => {
    const file = { format: 'xinxue-dossier/1' as const, dossiers: [exampleDossier(), { ...exampleDossier({ version: 'V2014' }), id: 'D-0002' }] };
    expect(JSON.stringify(auditDossierFile(file, { asOf: '2027-01-01' }))).toBe(JSON.stringify(auditDossierFile(structuredClone(file), { asOf: '2027-01-01' })));
  });
});

describe('explain', () => {
  it('gives the rule text, versions, source and the city’s severity for any rule', () => {
    const r = describeRule('R-LEAGUE-28')!;
    expect(r.severities).toEqual(['BLOCK']);
    expect(r.settingReason).toMatch(/六个不批/);
    expect(r.source).toMatch(/中青发〔2019〕9号/);
    expect(describeRule('R-APPROVAL-3M')!.severities).toEqual(['BLOCK', 'WARN']);
    expect(describeRule('R-MIG-NOTICE-2PLACES')!.aliasOf).toEqual(['R-PUB-CANDIDATE-2PLACES']);
    expect(describeRule('R-APP-MIN-WAIT')!).toMatchObject({ enabled: false, local: true, params: { months: { value: 6 } } });
    expect(describeRules().length).toBe(91);
  });

  it('attaches the rule text and the facts used to each finding on request', () => {
    const d = exampleDossier();
    d.activist!.on = '2025-12-01';
    const result = auditDossierFile({ format: 'xinxue-dossier/1', dossiers: [d] }, { asOf: FIXTURE_AS_OF, explain: true });
    const f = result.results[0]!.findings.find((x) => x.rule === 'R-DEV-1Y')!;
    expect(f.explain).toEqual({ name: '培养考察满一年', text: expect.stringMatching(/一年以上培养/), facts: { activist: '2025-12-01', candidate: '2026-06-15' } });
    expect(auditDossierFile({ format: 'xinxue-dossier/1', dossiers: [d] }, { asOf: FIXTURE_AS_OF }).results[0]!.findings[0]).not.toHaveProperty('explain');
  });
});
