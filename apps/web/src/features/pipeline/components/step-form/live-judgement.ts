/**
 * Instant rule feedback: the dossier as it would stand after the step, judged in the browser by
 * the same domain code the server runs (applyStep → engineView → judge → gate). Advisory only —
 * the server also folds in the org tree and the ledger's deferral facts, and it decides.
 */
import type { Dossier } from '@xinxue/domain/dossier/index';
import { type ChecklistItem, findingKey, gate, type GateFinding, type GateOutcome, judge, judgeAsOf, sixRefusals } from '@xinxue/domain/pipeline/gate';
import { type Papers, typedNoticesWithPapers, withPapers } from '@xinxue/domain/pipeline/papers';
import { type AnyStepInput, applyStep, deferralSteps, engineView, isStepNumber, type Pending, sixRefusalSteps, stepDate, stepSchemas } from '@xinxue/domain/pipeline/step-inputs';
import { registry } from '@xinxue/domain/rules/index';
import { type CitySettings, defaultCitySettings, parseSettingsDocument } from '@xinxue/domain/settings/index';
import type { DeferralFacts } from './api/get-deferral';
import { toStepInput, type FormValues } from './step-values';

export type DraftJudgement =
  | { kind: 'incomplete'; field: string; message: string }
  | { kind: 'judged'; input: Record<string, unknown>; outcome: GateOutcome; checklist: ChecklistItem[] | null; asOf: string };

export interface DraftContext {
  step: number;
  document: Dossier;
  pending: Pending;
  settings: CitySettings;
  /** WARNs justified at earlier steps (`findingKey`), as the server keeps them. */
  accepted: ReadonlySet<string>;
  today: string;
  /** The dossier's papers (`GET /api/dossiers/:id/papers`): notices and answered opinion requests join the document as on the server. */
  papers?: Papers | undefined;
  /** At steps 3 and 7: the ledger's facts for the three deferrals (`GET /api/dossiers/:id/deferral`). */
  deferral?: DeferralFacts | null | undefined;
}

/** The facts as the format's `deferral` (the server's `withDeferral`: recomputed at each deferral step, an earlier exception does not carry over). */
export function deferralOf(facts: DeferralFacts): NonNullable<Dossier['deferral']> {
  return {
    ...(facts.monthsAwayLastYear !== null ? { monthsAwayLastYear: facts.monthsAwayLastYear } : {}),
    ...(facts.hasFixedEmployer !== null ? { hasFixedEmployer: facts.hasFixedEmployer } : {}),
    ...(facts.performance !== null ? { performance: facts.performance } : {}),
  };
}

/** The gate judges without the back-filling stamps (the server's `withoutRecordedAt`): they are for the auditor. */
function withoutRecordedAt(d: Dossier): Dossier {
  if (d.recordedAt === undefined) return d;
  const rest = { ...d };
  delete rest.recordedAt;
  return rest;
}

export function judgeDraft(values: FormValues, ctx: DraftContext): DraftJudgement {
  const { step } = ctx;
  if (!isStepNumber(step)) return { kind: 'incomplete', field: 'step', message: '步骤应为 1 至 25' };
  const input = toStepInput(step, values);
  const parsed = stepSchemas[step].safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: 'incomplete', field: issue.path.map(String).join('.'), message: issue.message };
  }
  let data = parsed.data as AnyStepInput;
  if (step === 8 && !(data as { upperConsentOn?: string }).upperConsentOn && !(data as { filedOn?: string }).filedOn && !ctx.document.candidate?.upperConsentOn && !ctx.document.candidate?.filedOn) {
    return { kind: 'incomplete', field: 'upperConsentOn', message: '请填写上级党委同意日期（2026年起）或报上级党委备案日期' };
  }
  // As the server does (papers-store `foldPapers`): papers first, the step's input on top; typed notices keep the recorded ones.
  let base = withoutRecordedAt(ctx.document);
  if (ctx.papers) {
    base = withPapers(base, ctx.papers, step);
    const typed = step === 7 ? (data as { notices?: Parameters<typeof typedNoticesWithPapers>[0] }).notices : undefined;
    if (typed?.length) data = { ...data, notices: typedNoticesWithPapers(typed, base) } as AnyStepInput;
  }
  const applied = applyStep(step, data, base, ctx.pending);
  if (deferralSteps.has(step) && ctx.deferral) applied.document = { ...applied.document, deferral: deferralOf(ctx.deferral) };
  const view = engineView(withoutRecordedAt(applied.document), applied.pending);
  const asOf = judgeAsOf(view, stepDate(step, data, applied.document) ?? ctx.today, ctx.today);
  const halfFilled = applied.pending.activist !== undefined || applied.pending.confirmation !== undefined;
  const findings = judge(view, asOf, ctx.settings, halfFilled);
  return { kind: 'judged', input, outcome: gate(findings, step, ctx.accepted), checklist: sixRefusalSteps.has(step) ? sixRefusals(view, findings) : null, asOf };
}

/** The city's settings from `GET /api/audit/settings`; a document that does not parse falls back to the source article's defaults. */
export function citySettings(document: unknown): CitySettings {
  if (!document) return defaultCitySettings;
  const parsed = parseSettingsDocument(document, registry);
  return parsed.ok ? parsed.settings : defaultCitySettings;
}

/** The keys of the WARNs justified before, from the dossier's events (as the server's acceptedWarnings). */
export function acceptedKeys(events: readonly { kind: string; detail: unknown }[]): Set<string> {
  const keys = new Set<string>();
  for (const e of events) {
    if (e.kind !== 'opened' && e.kind !== 'step') continue;
    for (const k of (e.detail as { accepted?: unknown } | null)?.accepted instanceof Array ? ((e.detail as { accepted: unknown[] }).accepted) : []) if (typeof k === 'string') keys.add(k);
  }
  return keys;
}

export { findingKey };
export type { GateFinding };
