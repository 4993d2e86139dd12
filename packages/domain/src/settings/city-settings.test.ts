import { describe, expect, it } from 'vitest';
import { registry } from '../rules/registry.ts';
import { defaultCitySettings } from './city-settings.ts';
import { parseSettingsDocument, resolveSettings, settingsToDocument } from './resolve.ts';

const parse = (doc: object) => parseSettingsDocument({ format: 'xinxue-settings/1', ...doc }, registry);

describe('city settings', () => {
  it('defaults to the source article: switch 2026-05-11, League recommendation BLOCK, deferrals and two-place gate on', () => {
    const r = resolveSettings(defaultCitySettings, registry);
    expect(r.switchDate).toBe('2026-05-11');
    expect(r.rules.get('R-LEAGUE-28')!.severity).toBe('BLOCK');
    for (const id of ['R-DEFER-LONG-ABSENT', 'R-DEFER-NO-EMPLOYER', 'R-DEFER-POOR-WORK', 'R-TWOPLACE-ROUNDS', 'R-APPRAISAL-THREE']) expect(r.rules.get(id)!.enabled, id).toBe(true);
    for (const id of ['R-APP-MIN-WAIT', 'R-PUB-LOCAL', 'R-THOUGHT-REPORT-Q', 'R-REVIEW-VALIDITY', 'R-APPROVAL-LATE-LOCAL', 'R-MIG-STABILITY-GULIN']) expect(r.rules.get(id)!.enabled, id).toBe(false);
    expect(r.rules.get('R-DEFER-LONG-ABSENT')!.params).toEqual({ months: 6 });
    expect(r.boundaries).toEqual({ anniversary: 'onOrAfter', monthDeadline: 'onOrBefore', probationEnd: 'anniversary', noticeCountsFirstDay: true, listingAfterNotice: 'after' });
  });

  it('reads a document, merging it over the defaults', () => {
    const r = parse({
      switchDate: '2026-06-01',
      boundaries: { anniversary: 'after' },
      rules: { 'R-APP-MIN-WAIT': { enabled: true, params: { months: 3 }, reason: '市委组织部2026年通知' }, 'R-TRAIN-LENGTH': { severity: 'BLOCK' } },
      calendar: [{ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [], source: '国办发明电〔2026〕X号' }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.switchDate).toBe('2026-06-01');
    expect(r.settings.boundaries.anniversary).toBe('after');
    expect(r.settings.boundaries.monthDeadline).toBe('onOrBefore');
    expect(r.settings.rules['R-LEAGUE-28']!.severity).toBe('BLOCK');
    expect(r.settings.rules['R-APP-MIN-WAIT']).toMatchObject({ enabled: true, params: { months: 3 } });
    expect(r.settings.calendar).toHaveLength(1);
    const again = parseSettingsDocument(settingsToDocument(r.settings), registry);
    expect(again.ok && again.settings).toEqual(r.settings);
  });

  it('refuses what a city may not do, naming the path', () => {
    const r = parse({
      rules: {
        'R-DEV-1Y': { enabled: false, severity: 'WARN' },
        'R-APP-MIN-WAIT': { params: { months: 0, weeks: 2 } },
        'R-MIG-NOTICE-2PLACES': { severity: 'BLOCK' },
        'R-NOPE': {},
        'R-PUB-LOCAL': { params: { stages: ['lunch'] } },
      },
      calendar: [{ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-05'], source: '通知' }],
      unknown: 1,
    });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['$.unknown']);
    const r2 = parse({
      rules: {
        'R-DEV-1Y': { enabled: false, severity: 'WARN' },
        'R-APP-MIN-WAIT': { params: { months: 0, weeks: 2 } },
        'R-MIG-NOTICE-2PLACES': { severity: 'BLOCK' },
        'R-NOPE': {},
        'R-PUB-LOCAL': { params: { stages: ['lunch'] } },
      },
      calendar: [{ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-05'], source: '通知' }],
    });
    expect(r2.ok ? [] : r2.errors).toEqual([
      { path: '$.rules["R-DEV-1Y"].enabled', message: expect.stringMatching(/不能关闭/) },
      { path: '$.rules["R-DEV-1Y"].severity', message: 'R-DEV-1Y 只能从严：默认为 BLOCK，不能降为 WARN' },
      { path: '$.rules["R-APP-MIN-WAIT"].params.months', message: expect.stringMatching(/1 至 24/) },
      { path: '$.rules["R-APP-MIN-WAIT"].params.weeks', message: expect.stringMatching(/没有参数 “weeks”/) },
      { path: '$.rules["R-MIG-NOTICE-2PLACES"]', message: expect.stringMatching(/请设置 R-PUB-CANDIDATE-2PLACES/) },
      { path: '$.rules["R-NOPE"]', message: '没有编号为 R-NOPE 的规则' },
      { path: '$.rules["R-PUB-LOCAL"].params.stages', message: expect.stringMatching(/应为列表/) },
      { path: '$.calendar[0]', message: '调休上班日 2027-01-05 不是周六或周日' },
    ]);
  });

  it('lets a city loosen or tighten its own LOCAL rules', () => {
    const r = parse({ rules: { 'R-TWOPLACE-ROUNDS': { severity: 'WARN' }, 'R-DEFER-POOR-WORK': { enabled: false } } });
    expect(r.ok).toBe(true);
  });
});
