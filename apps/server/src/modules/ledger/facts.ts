import type { FactSource, LedgerRecord } from '@xinxue/domain';

/**
 * A person's facts: the five items (hukou, movement, work, contact) plus identity and residence,
 * each a dated value from a source. The current state takes, key by key, the value of the latest
 * active fact that has it (latest by valid-from date, then by when it was recorded).
 */
export const factKinds = ['identity', 'hukou', 'movement', 'work', 'contact', 'residence'] as const;
export type FactKind = (typeof factKinds)[number];

export const factKindLabels: Record<FactKind, string> = {
  identity: '身份信息',
  hukou: '户口信息',
  movement: '流动情况',
  work: '工作情况',
  contact: '联系方式',
  residence: '现住址',
};

/** Fact kinds whose values are personal data to encrypt at rest. */
export const encryptedKinds: ReadonlySet<FactKind> = new Set(['contact']);

export type FactValue = Record<string, string | string[]>;

export const factKeyLabels: Record<string, string> = {
  name: '姓名', gender: '性别', birthDate: '出生日期', ethnicity: '民族', education: '学历', politicalStatus: '政治面貌',
  address: '地址', divisionCode: '行政区划', direction: '流动类型', movedOn: '流动时间', originCode: '流出地', destinationCode: '流入地',
  destinationText: '去向', employer: '工作单位', occupation: '职业', occupationGroup: '职业大类', phones: '电话', wechat: '微信', qq: 'QQ',
};

export interface Placement {
  divisionCode: string;
  gridId: number | null;
  originCode: string | null;
  destinationCode: string | null;
  hukouCode: string | null;
  workCode: string | null;
  residenceCode: string | null;
}

function compact(value: Record<string, string | string[] | null | undefined>): FactValue | null {
  const out: FactValue = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return Object.keys(out).length ? out : null;
}

export interface NewFact {
  kind: FactKind;
  value: FactValue;
  validFrom: string | null;
}

/** The facts one validated row states. Identity is timeless; the rest hold from the move date. */
export function factsOfRecord(r: LedgerRecord, p: Placement): NewFact[] {
  const validFrom = r.movedOn;
  const candidates: [FactKind, FactValue | null, string | null][] = [
    ['identity', compact({ name: r.name, gender: r.gender, birthDate: r.birthDate, ethnicity: r.ethnicity, education: r.education, politicalStatus: r.politicalStatus }), null],
    ['hukou', compact({ address: r.hukouAddress, divisionCode: p.hukouCode }), validFrom],
    ['movement', compact({ direction: r.direction, movedOn: r.movedOn, originCode: p.originCode, destinationCode: p.destinationCode, destinationText: r.destination }), validFrom],
    ['work', compact({ employer: r.employer, address: r.workAddress, divisionCode: p.workCode, occupation: r.occupation, occupationGroup: r.occupationGroup }), validFrom],
    ['contact', compact({ phones: r.phones, wechat: r.wechat, qq: r.qq }), validFrom],
    ['residence', compact({ address: r.residenceAddress, divisionCode: p.residenceCode }), validFrom],
  ];
  return candidates.filter(([, v]) => v !== null).map(([kind, value, from]) => ({ kind, value: value!, validFrom: from }));
}

/** Canonical text of a value, for hashing: keys sorted, so the same value always hashes the same. */
export function canonicalValue(value: FactValue): string {
  // The text of JSON.stringify(keys.sort().map((k) => [k, value[k]])), without building the pairs
  // (hashes already stored depend on it staying exactly this).
  const keys = Object.keys(value).sort();
  let text = '[';
  for (let i = 0; i < keys.length; i++) {
    const v = value[keys[i]!];
    text += `${i ? ',' : ''}[${JSON.stringify(keys[i])},${v === undefined ? 'null' : JSON.stringify(v)}]`;
  }
  return `${text}]`;
}

export interface StoredFact {
  id: number;
  kind: FactKind;
  value: FactValue;
  validFrom: string | null;
  recordedAt: string;
  source: FactSource;
  status: string;
}

/** Orders facts oldest first: by valid-from (unknown first), then recorded time, then id. */
export function compareFacts(a: StoredFact, b: StoredFact): number {
  return (a.validFrom ?? '').localeCompare(b.validFrom ?? '') || a.recordedAt.localeCompare(b.recordedAt) || a.id - b.id;
}

export interface CurrentValue {
  value: string | string[];
  factId: number;
  source: FactSource;
  validFrom: string | null;
  recordedAt: string;
}

/**
 * True when `a` says less than `b` about the same thing: an address that `b` continues
 * ("重庆市奉节县" vs "重庆市奉节县28组9号"), or a division that contains `b`'s (420500… vs 420506001001).
 * A less detailed later value neither replaces the current one nor counts as a disagreement.
 */
export function lessDetailed(a: string | string[], b: string | string[]): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a === b) return false;
  if (/^\d{12}$/.test(a) && /^\d{12}$/.test(b)) return b.startsWith(a.replace(/0+$/, ''));
  return b.startsWith(a);
}

/** The current value of every key of every kind, with the fact it came from. */
export function currentState(facts: readonly StoredFact[]): Map<FactKind, Map<string, CurrentValue>> {
  const state = new Map<FactKind, Map<string, CurrentValue>>();
  // An import computes this for every row it writes: plain loops, no copies beyond the one sort needs.
  const active = facts.filter((f) => f.status === 'active');
  if (active.length > 1) active.sort(compareFacts);
  for (const fact of active) {
    let keys = state.get(fact.kind);
    if (!keys) {
      keys = new Map<string, CurrentValue>();
      state.set(fact.kind, keys);
    }
    const values = fact.value;
    for (const key of Object.keys(values)) {
      const value = values[key]!;
      // People keep several phones: the current list is every phone any source gave, newest first.
      const before = keys.get(key);
      if (before && lessDetailed(value, before.value)) continue;
      const merged = key === 'phones' && Array.isArray(value) ? [...new Set([...value, ...((before?.value as string[] | undefined) ?? [])])] : value;
      keys.set(key, { value: merged, factId: fact.id, source: fact.source, validFrom: fact.validFrom, recordedAt: fact.recordedAt });
    }
  }
  return state;
}

export interface ConflictKey {
  key: string;
  currentFactId: number;
}

/**
 * Keys on which an incoming fact contradicts the current state as stated by another source, when
 * the incoming fact is not clearly newer. Those go to a person to decide; a newer fact (a later
 * valid-from) or the same source correcting itself simply becomes current.
 */
export function conflictingKeys(incoming: { kind: FactKind; value: FactValue; validFrom: string | null; source: FactSource }, state: Map<FactKind, Map<string, CurrentValue>>): ConflictKey[] {
  const current = state.get(incoming.kind);
  if (!current) return [];
  const conflicts: ConflictKey[] = [];
  for (const [key, value] of Object.entries(incoming.value)) {
    const cur = current.get(key);
    if (!cur || cur.source === incoming.source || key === 'phones') continue;
    if (JSON.stringify(cur.value) === JSON.stringify(value) || lessDetailed(value, cur.value) || lessDetailed(cur.value, value)) continue;
    const newer = incoming.validFrom !== null && (cur.validFrom === null || incoming.validFrom > cur.validFrom);
    if (!newer) conflicts.push({ key, currentFactId: cur.factId });
  }
  return conflicts;
}
