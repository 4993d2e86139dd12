import { defaultCitySettings, settingsToDocument } from '@xinxue/domain/settings/index';
import { describe, expect, it } from 'vitest';
import { acceptedKeys, citySettings, findingKey, judgeDraft } from './live-judgement';
import { cleanPath, dossierAfter } from './step-form.test-data';

const TODAY = '2026-11-28';
const ctx = (last: number, step: number, accepted: Set<string> = new Set()) => ({ step, ...dossierAfter(last), settings: defaultCitySettings, accepted, today: TODAY });

describe('live judgement of a step form', () => {
  it('names the first missing field while the form is incomplete', () => {
    expect(judgeDraft({}, ctx(1, 2))).toEqual({ kind: 'incomplete', field: 'on', message: '请填写谈话日期' });
  });

  it('passes the clean record of a step', () => {
    const result = judgeDraft(cleanPath[2]![0]!, ctx(1, 2));
    expect(result.kind).toBe('judged');
    if (result.kind !== 'judged') return;
    expect(result.outcome.blocks).toEqual([]);
    expect(result.outcome.newWarnings).toEqual([]);
  });

  it('a late talk is a WARN (R-TALK-1M) that needs a justification, unless one was given before', () => {
    const result = judgeDraft({ on: '2022-05-10', by: '支部书记' }, ctx(1, 2));
    if (result.kind !== 'judged') throw new Error(result.message);
    expect(result.outcome.newWarnings.map((f) => f.rule)).toEqual(['R-TALK-1M']);
    const accepted = new Set(result.outcome.newWarnings.map(findingKey));
    const again = judgeDraft({ on: '2022-05-10', by: '支部书记' }, ctx(1, 2, accepted));
    expect(again.kind === 'judged' && again.outcome.newWarnings).toEqual([]);
  });

  it('a candidate listed within a year of becoming an activist is a BLOCK (R-DEV-1Y) with its article', () => {
    const result = judgeDraft({ ...cleanPath[7]![0], committeeProposalOn: '2022-12-01', on: '2022-12-10' }, ctx(6, 7));
    if (result.kind !== 'judged') throw new Error(result.message);
    const block = result.outcome.blocks.find((f) => f.rule === 'R-DEV-1Y');
    expect(block).toMatchObject({ severity: 'BLOCK', source: expect.stringContaining('细则') });
  });

  it('the admission meeting: a show of hands counted on those present is refused, and the six refusals are listed', () => {
    const meeting = { ...(cleanPath[15]![0]!.meeting as object), presentVoters: 12, yes: 7, no: 5 };
    const result = judgeDraft({ meeting }, ctx(14, 15));
    if (result.kind !== 'judged') throw new Error(result.message);
    expect(result.outcome.blocks.map((f) => f.rule)).toContain('R-MTG-MAJORITY');
    expect(result.checklist).toHaveLength(6);
    const clean = judgeDraft(cleanPath[15]![0]!, ctx(14, 15));
    expect(clean.kind === 'judged' && clean.outcome.blocks).toEqual([]);
    expect(clean.kind === 'judged' && clean.checklist!.every((i) => i.status !== 'failed')).toBe(true);
  });

  it('folds the papers in as the server does: a recorded candidate notice of both places satisfies the two-place rule', () => {
    // Under the 2026 rules (candidate listed after the switch) the candidate notice must be posted in both places.
    const listing = { ...cleanPath[7]![0], committeeProposalOn: '2026-06-01', on: '2026-06-20', upperConsentOn: '2026-06-18' };
    const state = dossierAfter(6);
    const late = { ...state, document: { ...state.document, activist: { ...state.document.activist!, on: '2025-05-10', filedOn: '2025-05-20' }, assessments: [{ on: '2025-11-01', result: 'good' as const }, { on: '2026-04-20', result: 'good' as const }] } };
    const base = { step: 7, ...late, settings: defaultCitySettings, accepted: new Set<string>(), today: TODAY };
    const without = judgeDraft(listing, base);
    if (without.kind !== 'judged') throw new Error(without.message);
    expect(without.outcome.blocks.map((f) => f.rule)).toEqual(expect.arrayContaining(['R-PUB-CANDIDATE-2PLACES']));
    const notice = (place: 'origin' | 'workplace') => ({ stage: 'candidate' as const, place, startOn: '2026-06-08', endOn: '2026-06-12', cancelledAt: null, objections: [] });
    const withPapers = judgeDraft(listing, { ...base, papers: { notices: [notice('origin'), notice('workplace')], requests: [] } });
    if (withPapers.kind !== 'judged') throw new Error(withPapers.message);
    expect(withPapers.outcome.blocks.map((f) => f.rule)).not.toContain('R-PUB-CANDIDATE-2PLACES');
  });

  it('judges the three deferrals from the ledger facts at step 3', () => {
    const facts = { asOf: '2022-05-10', monthsAwayLastYear: 10, hasFixedEmployer: false, performance: null, evidence: { monthsAwayLastYear: '', hasFixedEmployer: '', performance: '' } };
    const result = judgeDraft(cleanPath[3]![0]!, { ...ctx(2, 3), deferral: facts });
    if (result.kind !== 'judged') throw new Error(result.message);
    expect(result.outcome.newWarnings.map((f) => f.rule)).toEqual(expect.arrayContaining(['R-DEFER-LONG-ABSENT', 'R-DEFER-NO-EMPLOYER']));
    const clean = judgeDraft(cleanPath[3]![0]!, { ...ctx(2, 3), deferral: { ...facts, monthsAwayLastYear: 0, hasFixedEmployer: true } });
    expect(clean.kind === 'judged' && clean.outcome.newWarnings.filter((f) => f.rule.startsWith('R-DEFER-'))).toEqual([]);
  });

  it('reads the city settings document and the accepted warnings of the history', () => {
    const doc = settingsToDocument(defaultCitySettings);
    expect(citySettings(doc).rules).toEqual(defaultCitySettings.rules);
    expect(citySettings(null)).toBe(defaultCitySettings);
    expect([...acceptedKeys([{ kind: 'step', detail: { accepted: ['R-TALK-1M|2|x'] } }, { kind: 'refused', detail: { accepted: ['no'] } }, { kind: 'opened', detail: null }])]).toEqual(['R-TALK-1M|2|x']);
  });
});
