import type { FiveItem } from '@xinxue/domain';
import type { PersonDetail, PersonFact } from './api/get-person';

/**
 * Which fact each current value comes from, worked out from the history the person page receives
 * (the API gives the current values, not their sources). Same rule as the server's current state:
 * among active facts, the latest by valid-from date, then by recording time, wins key by key; a
 * less detailed later value does not replace a more detailed one; phones accumulate.
 */
export interface CurrentValue {
  label: string;
  value: string;
  fact: PersonFact;
}

function lessDetailed(a: string, b: string): boolean {
  return a !== b && b.startsWith(a);
}

function older(a: PersonFact, b: PersonFact): number {
  return (a.validFrom ?? '').localeCompare(b.validFrom ?? '') || a.recordedAt.localeCompare(b.recordedAt) || a.id - b.id;
}

/** The values the person row states itself; they win over what the history alone suggests. */
const rowValues: { kind: string; key: string; of: (p: PersonDetail) => string | null }[] = [
  { kind: 'movement', key: 'direction', of: (p) => (p.direction === 'inbound' ? '流入' : p.direction === 'outbound' ? '流出' : null) },
  { kind: 'movement', key: 'movedOn', of: (p) => p.movedOn },
  { kind: 'movement', key: 'destinationCode', of: (p) => p.destinationName },
  { kind: 'work', key: 'employer', of: (p) => p.employer },
];

/** kind → key → current value. */
export function currentValues(person: PersonDetail): Map<string, Map<string, CurrentValue>> {
  const state = new Map<string, Map<string, CurrentValue>>();
  const active = person.history.filter((f) => f.status === 'active').sort(older);
  for (const fact of active) {
    const keys = state.get(fact.kind) ?? new Map<string, CurrentValue>();
    for (const { key, label, value } of fact.values) {
      const before = keys.get(key);
      if (before && lessDetailed(value, before.value)) continue;
      const merged = key === 'phones' && before ? [...new Set([...value.split('、'), ...before.value.split('、')])].join('、') : value;
      keys.set(key, { label, value: merged, fact });
    }
    state.set(fact.kind, keys);
  }
  // Division names cannot tell a broader area from a narrower one (宜昌市 vs a community), so where
  // the row has the value, it decides, and the source is the newest fact that says the same.
  for (const { kind, key, of } of rowValues) {
    const value = of(person);
    const keys = state.get(kind);
    const shown = keys?.get(key);
    if (!keys || !shown || value === null || shown.value === value) continue;
    const fact = [...active].reverse().find((f) => f.kind === kind && f.values.some((v) => v.key === key && v.value === value));
    if (fact) keys.set(key, { label: shown.label, value, fact });
  }
  return state;
}

/** The facts behind each of the five items: the kind they are stored as and the keys that make them. */
export const fiveItemSources: Record<FiveItem, { kind: string; keys: string[] }> = {
  hukou: { kind: 'hukou', keys: ['address', 'divisionCode'] },
  movedOn: { kind: 'movement', keys: ['direction', 'movedOn', 'originCode', 'destinationCode', 'destinationText'] },
  workAddress: { kind: 'work', keys: ['employer', 'address', 'divisionCode'] },
  occupation: { kind: 'work', keys: ['occupation', 'occupationGroup'] },
  contact: { kind: 'contact', keys: ['phones', 'wechat', 'qq'] },
};
