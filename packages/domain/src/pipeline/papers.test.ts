import { describe, expect, it } from 'vitest';
import type { Dossier } from '../dossier/format.ts';
import { type PaperNotice, type PaperRequest, type Papers, typedNoticesWithPapers, withPapers } from './papers.ts';

const pass = { quality: 'pass', contribution: 'pass', conduct: 'pass', lawfulness: 'pass' } as const;
const base: Dossier = { id: 'D-1', person: { name: '张三' } };
const notice = (over: Partial<PaperNotice> = {}): PaperNotice => ({ stage: 'candidate', place: 'workplace', startOn: '2026-09-29', endOn: '2026-10-10', cancelledAt: null, objections: [], ...over });
const request = (over: Partial<PaperRequest> = {}): PaperRequest => ({ stage: 'candidate', place: 'origin', answeredOn: '2026-10-12', aspects: pass, cancelledAt: null, ...over });

describe('withPapers', () => {
  it('folds the notices and answered letters of the stages the step covers, and nothing later', () => {
    const papers: Papers = {
      notices: [notice({ stage: 'activist', startOn: '2025-05-01', endOn: '2025-05-08' }), notice(), notice({ stage: 'admission', startOn: '2027-01-04', endOn: '2027-01-08' })],
      requests: [request({ stage: 'activist', answeredOn: '2025-05-03' }), request(), request({ stage: 'admission', answeredOn: '2027-01-05' })],
    };
    const at3 = withPapers(base, papers, 3);
    expect(at3.notices).toEqual([{ stage: 'activist', place: 'workplace', start: '2025-05-01', end: '2025-05-08', objections: [] }]);
    expect(at3.opinions).toEqual([{ stage: 'activist', place: 'origin', channel: 'letter', on: '2025-05-03', aspects: pass }]);
    const at7 = withPapers(base, papers, 7);
    expect(at7.notices?.map((n) => n.stage)).toEqual(['activist', 'candidate']);
    expect(at7.opinions?.map((o) => o.stage)).toEqual(['activist', 'candidate']);
    expect(withPapers(base, papers, 12).opinions?.map((o) => o.stage)).toEqual(['activist', 'candidate', 'admission']);
    expect(withPapers(base, papers, 12).notices).toHaveLength(2);
    expect(withPapers(base, papers, 15).notices).toHaveLength(3);
  });

  it('leaves out cancelled notices and unanswered or cancelled letters', () => {
    const papers: Papers = { notices: [notice({ cancelledAt: '2026-09-30T01:00:00Z' })], requests: [request({ answeredOn: null, aspects: null }), request({ cancelledAt: '2026-10-01T00:00:00Z' })] };
    const out = withPapers(base, papers, 7);
    expect(out.notices).toBeUndefined();
    expect(out.opinions).toBeUndefined();
    // A notice folded at an earlier recording and cancelled since is taken out again.
    const folded = withPapers(base, { notices: [notice()], requests: [] }, 7);
    expect(withPapers(folded, { notices: [notice({ cancelledAt: '2026-10-01T00:00:00Z' })], requests: [] }, 7).notices).toBeUndefined();
  });

  it('maps objections: unresolved ones have no resolvedOn, upheld only when it stands', () => {
    const papers: Papers = {
      notices: [notice({ objections: [
        { receivedOn: '2026-09-30', resolvedOn: '2026-10-05', upheld: false },
        { receivedOn: '2026-10-01', resolvedOn: null, upheld: null },
        { receivedOn: '2026-10-02', resolvedOn: '2026-10-06', upheld: true },
      ] })],
      requests: [],
    };
    expect(withPapers(base, papers, 7).notices![0]!.objections).toEqual([
      { receivedOn: '2026-09-30', resolvedOn: '2026-10-05', upheld: false },
      { receivedOn: '2026-10-01', upheld: false },
      { receivedOn: '2026-10-02', resolvedOn: '2026-10-06', upheld: true },
    ]);
  });

  it('is idempotent, updates a folded entry in place, and keeps entries typed in a step', () => {
    const typed: Dossier = {
      ...base,
      notices: [{ stage: 'candidate', place: 'origin', start: '2026-09-28', end: '2026-10-09', objections: [] }],
      opinions: [{ stage: 'candidate', place: 'workplace', channel: 'forum', on: '2026-09-20', aspects: pass }],
    };
    const papers: Papers = { notices: [notice({ objections: [{ receivedOn: '2026-09-30', resolvedOn: null, upheld: null }] })], requests: [request()] };
    const once = withPapers(typed, papers, 7);
    expect(withPapers(once, papers, 7)).toEqual(once);
    expect(once.notices).toHaveLength(2);
    expect(once.opinions).toHaveLength(2);
    expect(once.notices![0]).toEqual(typed.notices![0]);
    expect(once.opinions![0]).toEqual(typed.opinions![0]);
    // The objection is resolved afterwards: recording again replaces the entry, it does not add one.
    const resolved: Papers = { ...papers, notices: [notice({ objections: [{ receivedOn: '2026-09-30', resolvedOn: '2026-10-05', upheld: false }] })] };
    const again = withPapers(once, resolved, 7);
    expect(again.notices).toHaveLength(2);
    expect(again.notices![1]!.objections[0]).toEqual({ receivedOn: '2026-09-30', resolvedOn: '2026-10-05', upheld: false });
    // The input document is not changed; a document without papers comes back equal, empty lists kept.
    expect(typed.notices).toHaveLength(1);
    const bare: Dossier = { ...base, notices: [], opinions: [] };
    expect(withPapers(bare, { notices: [], requests: [] }, 25)).toEqual(bare);
    expect(withPapers(base, { notices: [], requests: [] }, 25)).toEqual(base);
  });

  it('keeps the recorded candidate notices beside notices typed at step 7', () => {
    const folded = withPapers(base, { notices: [notice(), notice({ place: 'origin' })], requests: [] }, 7);
    const typed = [{ place: 'workplace' as const, start: '2026-09-29', end: '2026-10-10', objections: [] }, { place: 'unit' as const, start: '2026-09-01', end: '2026-09-07', objections: [] }];
    const merged = typedNoticesWithPapers(typed, folded);
    expect(merged.map((n) => n.place)).toEqual(['workplace', 'unit', 'origin']);
  });
});
