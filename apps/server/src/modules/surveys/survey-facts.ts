import { importFields, type LedgerRecord, readLedgerRow } from '@xinxue/domain';
import type { Insertable } from 'kysely';
import type { PersonFactTable } from '../../db/schema.ts';
import { appError } from '../../lib/errors.ts';
import { type CurrentValue, encryptedKinds, type FactKind, type FactValue } from '../ledger/facts.ts';

/** The fields a grid worker may correct on the spot, in form order. */
export const correctableFields = ['employer', 'workAddress', 'occupation', 'phone', 'residenceAddress', 'movedOn'] as const;
export type CorrectableField = (typeof correctableFields)[number];
export type Corrections = Partial<Record<CorrectableField, string>>;

export const checkOutcomes = ['confirmed', 'corrected', 'notFound', 'movedAway'] as const;
export type CheckOutcome = (typeof checkOutcomes)[number];

/** The five items' fact kinds: a confirmation restates their current values. */
const confirmedKinds: FactKind[] = ['hukou', 'movement', 'work', 'contact'];

/**
 * Validates corrections with the import's own row rules (readLedgerRow), so a grid worker's phone or
 * date is refused for exactly the reasons an imported one would be, with a message naming the field.
 */
export function validateCorrections(name: string, corrections: Corrections, today: string): LedgerRecord {
  const given = Object.entries(corrections).filter(([, v]) => typeof v === 'string' && v.trim() !== '') as [CorrectableField, string][];
  if (!given.length) throw appError('VALIDATION_FAILED', '请至少修改一项信息', { field: 'corrections' });
  const result = readLedgerRow({ name, ...Object.fromEntries(given) }, 'police', today);
  if (!result.ok) {
    const problem = result.problems.find((p) => (correctableFields as readonly string[]).includes(p.field)) ?? result.problems[0]!;
    const label = importFields[problem.field].label;
    throw appError('VALIDATION_FAILED', problem.message.startsWith(label) ? problem.message : `${label}：${problem.message}`, { field: problem.field });
  }
  return result.record;
}

export interface NewSurveyFact {
  kind: FactKind;
  value: FactValue;
}

/**
 * The facts a check appends: for a confirmation the current value of each of the five items, restated
 * by the grid worker (so it counts as recorded today); for a correction the same, with the corrected
 * keys replaced. Items the ledger has no value for stay missing: a check cannot confirm nothing.
 */
export function checkFacts(state: Map<FactKind, Map<string, CurrentValue>>, record: LedgerRecord | null, corrections: Corrections): NewSurveyFact[] {
  const current = (kind: FactKind): FactValue => Object.fromEntries([...(state.get(kind) ?? new Map<string, CurrentValue>()).entries()].map(([k, v]) => [k, v.value]));
  const changes: Partial<Record<FactKind, FactValue>> = {};
  if (record) {
    const work: FactValue = {};
    if (corrections.employer && record.employer) work.employer = record.employer;
    if (corrections.workAddress && record.workAddress) work.address = record.workAddress;
    if (corrections.occupation && record.occupation) {
      work.occupation = record.occupation;
      // A new occupation whose major group cannot be told must not keep the old one's group.
      work.occupationGroup = record.occupationGroup ?? '8';
    }
    if (Object.keys(work).length) changes.work = work;
    if (corrections.phone && record.phones.length) {
      const before = (current('contact').phones as string[] | undefined) ?? [];
      changes.contact = { phones: [...new Set([...record.phones, ...before])] };
    }
    if (corrections.movedOn && record.movedOn) changes.movement = { movedOn: record.movedOn };
    if (corrections.residenceAddress && record.residenceAddress) changes.residence = { address: record.residenceAddress };
  }
  const kinds = [...confirmedKinds, ...(changes.residence ? (['residence'] as const) : [])];
  const out: NewSurveyFact[] = [];
  for (const kind of kinds) {
    const value = { ...current(kind), ...(changes[kind] ?? {}) };
    if (Object.keys(value).length) out.push({ kind, value });
  }
  return out;
}

/** A fact row as the ledger stores it (contact values encrypted), recorded by the grid worker as of today. */
export function factRow(
  personId: number,
  fact: NewSurveyFact,
  at: { today: string; now: string; userId: number },
  store: { hash: (kind: FactKind, value: FactValue) => string; encrypt: (text: string) => string },
): Insertable<PersonFactTable> {
  const json = JSON.stringify(fact.value);
  return {
    person_id: personId,
    kind: fact.kind,
    value: encryptedKinds.has(fact.kind) ? store.encrypt(json) : json,
    value_hash: store.hash(fact.kind, fact.value),
    // As of today: what the grid worker saw supersedes older records, and a later department record disagreeing with it goes to review.
    valid_from: at.today,
    recorded_at: at.now,
    source: 'gridWorker',
    recorded_by: at.userId,
    import_id: null,
    status: 'active',
    derived_from: null,
  };
}
