import { hash } from 'node:crypto';
import { maskIdNumber, decideMatch, type FactSource, type LedgerRecord, type MatchPart, type MatchSubject, scoreMatch } from '@xinxue/domain';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { insertRows, updateRowsById } from '../../db/bulk.ts';
import { LOCK_KEYS, takeWriteLock } from '../../db/dialect.ts';
import type { PersonFactTable, ReviewItemTable } from '../../db/schema.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import { canonicalValue, conflictingKeys, currentState, encryptedKinds, type FactKind, type FactValue, factsOfRecord, type Placement, type StoredFact } from './facts.ts';
import { namePinyin } from './name-pinyin.ts';
import { placementUpdate, stateColumns } from './person-state.ts';

export interface WriteContext {
  source: FactSource;
  importId: number | null;
  userId: number | null;
  now: string;
}

export interface WriteOutcome {
  personId: number;
  created: boolean;
  changed: boolean;
  linkedWithoutId: boolean;
  queuedForReview: boolean;
  conflicts: number;
}

export interface WriteItem {
  record: LedgerRecord;
  placement: Placement;
}

interface PreparedFact {
  kind: FactKind;
  value: FactValue;
  validFrom: string | null;
  hash: string;
}

interface Prepared extends WriteItem {
  pinyin: { full: string; initials: string };
  idHash: string | null;
  phoneHashes: string[];
  fingerprint: string;
  facts: PreparedFact[];
  subject: MatchSubject;
}

/** A person the batch works on: one already in the ledger, or one this batch creates. */
interface Target {
  id: number | null;
  facts: StoredFact[];
  /** factKey of every fact in `facts`: a row's fact already among them is not stored again. */
  known: Set<string>;
  phoneHashes: Set<string>;
  current: { division_code: string; grid_id: number | null } | null;
  firstRow: Prepared;
  placement: Placement | null;
  changed: boolean;
  newFacts: (Insertable<PersonFactTable> & { conflictKeys?: { key: string; currentFactId: number }[] })[];
  newPhones: string[];
  newFingerprints: string[];
  reviews: Omit<Insertable<ReviewItemTable>, 'person_id'>[];
  /** An ID number learned for a person recorded without one. */
  setId: string | null;
}

const CHUNK = 400;
const PEOPLE_COLUMNS = [
  'division_code', 'grid_id', 'name', 'name_pinyin', 'name_initials', 'id_number_enc', 'id_number_masked', 'id_number_hash', 'id_last4', 'gender', 'birth_date', 'ethnicity', 'education',
  'political_status', 'direction', 'moved_on', 'hukou_code', 'origin_code', 'destination_code', 'employer', 'occupation_group', 'hukou_at', 'movement_at',
  'work_address_at', 'occupation_at', 'contact_at', 'merged_into', 'created_at', 'updated_at',
] as const;
/** Column types other than text, for PostgreSQL's parameter arrays (see insertRows). */
const PEOPLE_TYPES: Record<string, string> = { id: 'integer', grid_id: 'integer', merged_into: 'integer' };
const FACT_TYPES: Record<string, string> = { person_id: 'integer', recorded_by: 'integer', import_id: 'integer', derived_from: 'integer' };
const LOOKUP_TYPES: Record<string, string> = { person_id: 'integer' };
const FACT_COLUMNS = ['person_id', 'kind', 'value', 'value_hash', 'valid_from', 'recorded_at', 'source', 'recorded_by', 'import_id', 'status', 'derived_from'] as const;
/** What makes a fact the same statement again: kind, source, valid-from and value hash. */
function factKey(kind: string, source: string, validFrom: string | null, hash: string): string {
  return `${kind}|${source}|${validFrom ?? ''}|${hash}`;
}

/** Facts written in this batch get ids above every stored one until the database assigns theirs. */
let provisionalId = 1e15;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes validated records into the ledger, a batch at a time: finds each person (a row seen
 * before, the exact ID number, or an explainable score over blocked candidates), appends only the
 * facts that are new, queues conflicts and possible duplicates, and stores each person's current
 * state. All lookups and inserts are batched; it runs inside the caller's transaction, so a batch
 * is written whole or not at all, and writing the same records again changes nothing.
 */
export class PersonWriter {
  constructor(private readonly crypto: FieldCrypto) {}

  idHash(idNumber: string): string {
    return this.crypto.lookupHash(`id:${idNumber}`);
  }

  phoneHash(phone: string): string {
    return this.crypto.lookupHash(`phone:${phone}`);
  }

  /** Idempotency key of a fact value. Contact values are personal data, so theirs is keyed. */
  valueHash(kind: FactKind, value: FactValue): string {
    const text = `${kind}:${canonicalValue(value)}`;
    return encryptedKinds.has(kind) ? this.crypto.lookupHash(`fact:${text}`) : hash('sha1', text, 'base64url');
  }

  readValue(kind: FactKind, stored: string): FactValue {
    return JSON.parse(encryptedKinds.has(kind) ? this.crypto.decrypt(stored) : stored) as FactValue;
  }

  private storeValue(kind: FactKind, value: FactValue): string {
    const json = JSON.stringify(value);
    return encryptedKinds.has(kind) ? this.crypto.encrypt(json) : json;
  }

  async apply(tx: Db, record: LedgerRecord, placement: Placement, ctx: WriteContext): Promise<WriteOutcome> {
    return (await this.applyBatch(tx, [{ record, placement }], ctx))[0]!;
  }

  private prepare(item: WriteItem, source: FactSource): Prepared {
    const { record, placement } = item;
    const pinyin = namePinyin(record.name);
    const phoneHashes = record.phones.map((p) => this.phoneHash(p));
    // Built field by field, without spreads: V8 copies spread objects slowly, and this runs for every row.
    return {
      record,
      placement,
      pinyin,
      idHash: record.idNumber ? this.idHash(record.idNumber) : null,
      phoneHashes,
      fingerprint: this.crypto.lookupHash(`row:${source}:${JSON.stringify(record)}`),
      facts: factsOfRecord(record, placement).map((f) => ({ kind: f.kind, value: f.value, validFrom: f.validFrom, hash: this.valueHash(f.kind, f.value) })),
      subject: { name: record.name, namePinyin: pinyin.full, nameInitials: pinyin.initials, birthDate: record.birthDate, gender: record.gender, phoneHashes, hukouCounty: placement.hukouCode?.slice(0, 6) ?? null },
    };
  }

  async applyBatch(tx: Db, items: readonly WriteItem[], ctx: WriteContext): Promise<WriteOutcome[]> {
    // Two imports at once must not both create the same person: ledger batches take turns.
    await takeWriteLock(tx, LOCK_KEYS.ledgerWrite);
    const rows = items.map((item) => this.prepare(item, ctx.source));
    const seen = await this.survivorsByLookup(tx, 'row', rows.map((r) => r.fingerprint));
    const byId = await this.survivorsById(tx, rows.filter((r) => r.idHash && !seen.has(r.fingerprint)).map((r) => r.idHash!));
    const candidates = await this.blockingCandidates(tx, rows.filter((r) => !seen.has(r.fingerprint) && !(r.idHash && byId.has(r.idHash))));

    // Decide each row's person in file order, so a later row sees the people earlier rows created.
    const existing = new Map<number, Target>();
    const created: Target[] = [];
    const newById = new Map<string, Target>();
    const outcomes: { target: Target; row: Prepared; outcome: WriteOutcome }[] = [];
    const targetFor = (id: number, row: Prepared) => {
      let t = existing.get(id);
      if (!t) {
        t = { id, facts: [], known: new Set(), phoneHashes: new Set(), current: null, firstRow: row, placement: row.placement, changed: false, newFacts: [], newPhones: [], newFingerprints: [], reviews: [], setId: null };
        existing.set(id, t);
      }
      return t;
    };
    for (const row of rows) {
      const outcome: WriteOutcome = { personId: 0, created: false, changed: false, linkedWithoutId: false, queuedForReview: false, conflicts: 0 };
      let target: Target | undefined;
      const seenId = seen.get(row.fingerprint);
      if (seenId !== undefined) target = targetFor(seenId, row);
      else if (row.idHash && byId.has(row.idHash)) target = targetFor(byId.get(row.idHash)!, row);
      else if (row.idHash && newById.has(row.idHash)) target = newById.get(row.idHash);
      let review: { candidateId: number; score: number; parts: MatchPart[] } | null = null;
      if (!target) {
        const best = this.bestMatch(row, candidates, created);
        if (best && decideMatch(best.score) === 'link') {
          target = best.target ?? targetFor(best.candidateId!, row);
          outcome.linkedWithoutId = true;
          if (row.idHash && best.candidateId !== null) target.setId = row.record.idNumber;
        } else if (best && decideMatch(best.score) === 'review' && best.candidateId !== null) {
          review = { candidateId: best.candidateId, score: best.score, parts: best.parts };
        }
      }
      if (!target) {
        target = { id: null, facts: [], known: new Set(), phoneHashes: new Set(), current: null, firstRow: row, placement: row.placement, changed: false, newFacts: [], newPhones: [], newFingerprints: [], reviews: [], setId: null };
        created.push(target);
        if (row.idHash) newById.set(row.idHash, target);
        outcome.created = true;
        if (review) {
          target.reviews.push({ kind: 'match', status: 'open', division_code: row.placement.divisionCode, candidate_id: review.candidateId, fact_id: null, other_fact_id: null, score: review.score, explanation: JSON.stringify({ parts: review.parts }), import_id: ctx.importId, created_at: ctx.now });
          outcome.queuedForReview = true;
        }
      }
      if (seenId === undefined) target.newFingerprints.push(row.fingerprint);
      outcomes.push({ target, row, outcome });
    }

    await this.loadTargets(tx, [...existing.values()]);
    for (const { target, row, outcome } of outcomes) {
      const before = target.newFacts.length;
      this.appendFacts(target, row, ctx);
      outcome.changed = target.newFacts.length > before;
      outcome.conflicts = target.newFacts.slice(before).filter((f) => f.conflictKeys?.length).length;
      for (const h of row.phoneHashes) if (!target.phoneHashes.has(h)) {
        target.phoneHashes.add(h);
        target.newPhones.push(h);
      }
    }
    await this.insertCreated(tx, created, ctx);
    await this.writeFacts(tx, [...existing.values(), ...created], ctx);
    await this.updateExisting(tx, [...existing.values()], ctx);
    return outcomes.map(({ target, outcome }) => ({ ...outcome, personId: target.id! }));
  }

  /** Appends the row's facts that are new; a fact contradicting another source becomes disputed. */
  private appendFacts(target: Target, row: Prepared, ctx: WriteContext): void {
    const known = target.known;
    // A row states each kind once, so its facts cannot change each other's conflicts: one state per row.
    let state: ReturnType<typeof currentState> | null = null;
    for (const fact of row.facts) {
      const key = factKey(fact.kind, ctx.source, fact.validFrom, fact.hash);
      if (known.has(key)) continue;
      state ??= currentState(target.facts);
      const conflicts = conflictingKeys({ kind: fact.kind, value: fact.value, validFrom: fact.validFrom, source: ctx.source }, state);
      const stored: StoredFact & { hash: string } = { id: provisionalId++, kind: fact.kind, value: fact.value, validFrom: fact.validFrom, recordedAt: ctx.now, source: ctx.source, status: conflicts.length ? 'disputed' : 'active', hash: fact.hash };
      target.facts.push(stored);
      known.add(key);
      const row: Target['newFacts'][number] = {
        person_id: 0, kind: fact.kind, value: this.storeValue(fact.kind, fact.value), value_hash: fact.hash, valid_from: fact.validFrom, recorded_at: ctx.now,
        source: ctx.source, recorded_by: ctx.userId, import_id: ctx.importId, status: stored.status, derived_from: null,
      };
      if (conflicts.length) row.conflictKeys = conflicts;
      target.newFacts.push(row);
      target.changed = true;
    }
    target.placement = row.placement;
  }

  /** People (by id) that rows were recorded against before, by a lookup hash; merged people resolve to their survivor. */
  private async survivorsByLookup(tx: Db, kind: string, hashes: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const part of chunks([...new Set(hashes)])) {
      if (!part.length) continue;
      const rows = await tx.selectFrom('person_lookups').innerJoin('people', 'people.id', 'person_lookups.person_id').select(['person_lookups.hash', 'people.id', 'people.merged_into']).where('person_lookups.kind', '=', kind).where('person_lookups.hash', 'in', part).execute();
      for (const r of rows) out.set(r.hash, r.merged_into ?? r.id);
    }
    return out;
  }

  private async survivorsById(tx: Db, idHashes: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const part of chunks([...new Set(idHashes)])) {
      if (!part.length) continue;
      const rows = await tx.selectFrom('people').select(['id', 'merged_into', 'id_number_hash']).where('id_number_hash', 'in', part).execute();
      for (const r of rows) out.set(r.id_number_hash!, r.merged_into ?? r.id);
    }
    return out;
  }

  /**
   * People who might be the person of a row not placed by fingerprint or ID number (the blocking
   * keys: name, pinyin initials with birth month, phone). A row with a valid ID number can only be
   * someone recorded without one, so for those rows only people without an ID are fetched — which
   * keeps the sets small when nearly everyone has an ID.
   */
  private async blockingCandidates(tx: Db, rows: Prepared[]): Promise<Map<number, MatchSubject & { hasId: boolean }>> {
    const out = new Map<number, MatchSubject & { hasId: boolean }>();
    if (!rows.length) return out;
    const select = (withoutIdOnly: boolean) => {
      const q = tx.selectFrom('people').select(['id', 'name', 'name_pinyin', 'name_initials', 'birth_date', 'gender', 'hukou_code', 'id_number_hash']).where('merged_into', 'is', null);
      return withoutIdOnly ? q.where('id_number_hash', 'is', null) : q;
    };
    type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
    const found: Row[] = [];
    for (const withId of [true, false]) {
      const group = rows.filter((r) => (r.idHash !== null) === withId);
      if (!group.length) continue;
      for (const part of chunks([...new Set(group.map((r) => r.record.name))])) found.push(...(await select(withId).where('name', 'in', part).execute()));
      const phones = [...new Set(group.flatMap((r) => r.phoneHashes))];
      for (const part of chunks(phones)) {
        if (part.length) found.push(...(await select(withId).where('id', 'in', tx.selectFrom('person_lookups').select('person_id').where('kind', '=', 'phone').where('hash', 'in', part)).execute()));
      }
      // Initials alone are too coarse: keep only those born in the same month as a row.
      const months = new Set(group.filter((r) => r.record.birthDate).map((r) => `${r.pinyin.initials}|${r.record.birthDate!.slice(0, 7)}`));
      for (const part of chunks([...new Set([...months].map((m) => m.split('|')[0]!))])) {
        for (const c of await select(withId).where('name_initials', 'in', part).where('birth_date', 'is not', null).execute()) {
          if (months.has(`${c.name_initials}|${c.birth_date!.slice(0, 7)}`)) found.push(c);
        }
      }
    }
    const ids = [...new Set(found.map((r) => r.id))];
    const phoneByPerson = new Map<number, string[]>();
    for (const part of chunks(ids)) {
      if (!part.length) continue;
      for (const p of await tx.selectFrom('person_lookups').select(['person_id', 'hash']).where('kind', '=', 'phone').where('person_id', 'in', part).execute()) {
        phoneByPerson.set(p.person_id, [...(phoneByPerson.get(p.person_id) ?? []), p.hash]);
      }
    }
    for (const r of found) {
      out.set(r.id, { name: r.name, namePinyin: r.name_pinyin, nameInitials: r.name_initials, birthDate: r.birth_date, gender: r.gender, phoneHashes: phoneByPerson.get(r.id) ?? [], hukouCounty: r.hukou_code?.slice(0, 6) ?? null, hasId: r.id_number_hash !== null });
    }
    return out;
  }

  private bestMatch(row: Prepared, candidates: Map<number, MatchSubject & { hasId: boolean }>, created: Target[]) {
    let best: { candidateId: number | null; target: Target | null; score: number; parts: MatchPart[] } | null = null;
    for (const [id, c] of candidates) {
      // A row with a valid ID number can only be someone recorded without one.
      if (row.idHash && c.hasId) continue;
      if (c.name !== row.subject.name && c.nameInitials !== row.subject.nameInitials && !c.phoneHashes.some((h) => row.phoneHashes.includes(h))) continue;
      const { score, parts } = scoreMatch(row.subject, c);
      if (!best || score > best.score) best = { candidateId: id, target: null, score, parts };
    }
    for (const t of created) {
      if (row.idHash && t.firstRow.idHash) continue;
      const { score, parts } = scoreMatch(row.subject, t.firstRow.subject);
      // Within one batch only sure matches link; an unsure one must name a stored person to review.
      if (decideMatch(score) === 'link' && (!best || score > best.score)) best = { candidateId: null, target: t, score, parts };
    }
    return best;
  }

  /** Loads the stored facts, phones and placement of the existing people a batch touches (their merged people included). */
  private async loadTargets(tx: Db, targets: Target[]): Promise<void> {
    const byId = new Map(targets.map((t) => [t.id!, t]));
    const members = new Map<number, number>(targets.map((t) => [t.id!, t.id!]));
    let frontier = [...byId.keys()];
    while (frontier.length) {
      const next: number[] = [];
      for (const part of chunks(frontier)) {
        for (const c of await tx.selectFrom('people').select(['id', 'merged_into']).where('merged_into', 'in', part).execute()) {
          members.set(c.id, members.get(c.merged_into!)!);
          next.push(c.id);
        }
      }
      frontier = next;
    }
    const all = [...members.keys()];
    for (const part of chunks(all)) {
      for (const f of await tx.selectFrom('person_facts').selectAll().where('person_id', 'in', part).orderBy('id').execute()) {
        const target = byId.get(members.get(f.person_id)!)!;
        target.facts.push({ id: f.id, kind: f.kind as FactKind, value: this.readValue(f.kind as FactKind, f.value), validFrom: f.valid_from, recordedAt: f.recorded_at, source: f.source as FactSource, status: f.status, hash: f.value_hash } as StoredFact);
        target.known.add(factKey(f.kind, f.source, f.valid_from, f.value_hash));
      }
      for (const p of await tx.selectFrom('person_lookups').select(['person_id', 'hash']).where('kind', '=', 'phone').where('person_id', 'in', part).execute()) byId.get(members.get(p.person_id)!)!.phoneHashes.add(p.hash);
    }
    for (const part of chunks([...byId.keys()])) {
      for (const p of await tx.selectFrom('people').select(['id', 'division_code', 'grid_id']).where('id', 'in', part).execute()) byId.get(p.id)!.current = { division_code: p.division_code, grid_id: p.grid_id };
    }
  }

  private async insertCreated(tx: Db, created: Target[], ctx: WriteContext): Promise<void> {
    const values = created.map((t) => {
      const r = t.firstRow;
      // The state from the facts, completed by the first row (its name only when the facts have none).
      const row = stateColumns(t.facts) as Record<string, unknown>;
      if (!('name' in row)) {
        row.name = r.record.name;
        row.name_pinyin = r.pinyin.full;
        row.name_initials = r.pinyin.initials;
      }
      row.division_code = r.placement.divisionCode;
      row.grid_id = r.placement.gridId;
      row.id_number_enc = r.record.idNumber ? this.crypto.encrypt(r.record.idNumber) : null;
      row.id_number_masked = r.record.idNumber ? maskIdNumber(r.record.idNumber) : null;
      row.id_number_hash = r.idHash;
      row.id_last4 = r.record.idNumber?.slice(-4) ?? null;
      row.merged_into = null;
      row.created_at = ctx.now;
      row.updated_at = ctx.now;
      return PEOPLE_COLUMNS.map((c) => row[c] ?? null);
    });
    // People with an ID number come back keyed by it; the few without are inserted one by one.
    const withId = created.map((t, i) => [t, values[i]!] as const).filter(([t]) => t.firstRow.idHash);
    for (const part of chunks(withId, 200)) {
      const ids = await insertRows<{ id: number; id_number_hash: string }>(tx, 'people', PEOPLE_COLUMNS, part.map(([, v]) => v), { returning: ['id', 'id_number_hash'], types: PEOPLE_TYPES });
      const byHash = new Map(ids.map((r) => [r.id_number_hash, r.id]));
      for (const [t] of part) t.id = byHash.get(t.firstRow.idHash!)!;
    }
    for (const [i, t] of created.entries()) {
      if (t.firstRow.idHash) continue;
      t.id = (await insertRows<{ id: number }>(tx, 'people', PEOPLE_COLUMNS, [values[i]!], { returning: ['id'] }))[0]!.id;
    }
  }

  private async writeFacts(tx: Db, targets: Target[], ctx: WriteContext): Promise<void> {
    const plain: Insertable<PersonFactTable>[] = [];
    const disputed: Insertable<PersonFactTable>[] = [];
    const lookups: { person_id: number; kind: string; hash: string }[] = [];
    // A conflict's review item points at its disputed fact, whose id the insert below gives.
    const reviews: (Insertable<ReviewItemTable> & { disputed?: Insertable<PersonFactTable> })[] = [];
    for (const t of targets) {
      for (const f of t.newFacts) {
        const { conflictKeys, ...row } = f;
        row.person_id = t.id!;
        if (!conflictKeys?.length) {
          plain.push(row);
          continue;
        }
        disputed.push(row);
        reviews.push({ kind: 'conflict', status: 'open', division_code: t.current?.division_code ?? t.firstRow.placement.divisionCode, person_id: t.id!, candidate_id: null, fact_id: null, other_fact_id: conflictKeys[0]!.currentFactId, score: null, explanation: JSON.stringify({ keys: conflictKeys }), import_id: ctx.importId, created_at: ctx.now, disputed: row });
      }
      for (const r of t.reviews) reviews.push({ ...r, person_id: t.id! });
      for (const hash of t.newFingerprints) lookups.push({ person_id: t.id!, kind: 'row', hash });
      for (const hash of t.newPhones) lookups.push({ person_id: t.id!, kind: 'phone', hash });
    }
    // Disputed facts first, as when they were written one by one; a batch stores a statement once
    // per person (kind, value hash, valid-from), so those columns identify each returned id.
    const disputedKey = (f: { person_id: number; kind: string; value_hash: string; valid_from?: string | null }) => `${f.person_id}|${f.kind}|${f.valid_from ?? ''}|${f.value_hash}`;
    const disputedIds = new Map<string, number>();
    for (const part of chunks(disputed, 300)) {
      const returned = await insertRows<{ id: number; person_id: number; kind: string; value_hash: string; valid_from: string | null }>(tx, 'person_facts', FACT_COLUMNS, part.map((f) => FACT_COLUMNS.map((c) => f[c] ?? null)), { returning: ['id', 'person_id', 'kind', 'value_hash', 'valid_from'], types: FACT_TYPES });
      for (const r of returned) disputedIds.set(disputedKey(r), r.id);
    }
    for (const r of reviews) {
      if (!r.disputed) continue;
      r.fact_id = disputedIds.get(disputedKey(r.disputed as Parameters<typeof disputedKey>[0]))!;
      delete r.disputed;
    }
    for (const part of chunks(plain, 300)) await insertRows(tx, 'person_facts', FACT_COLUMNS, part.map((f) => FACT_COLUMNS.map((c) => f[c] ?? null)), { types: FACT_TYPES });
    for (const part of chunks(lookups, 500)) await insertRows(tx, 'person_lookups', ['person_id', 'kind', 'hash'], part.map((l) => [l.person_id, l.kind, l.hash]), { ignoreConflicts: true, types: LOOKUP_TYPES });
    for (const part of chunks(reviews, 200)) await tx.insertInto('review_items').values(part).execute();
  }

  private async updateExisting(tx: Db, targets: Target[], ctx: WriteContext): Promise<void> {
    // Grouped by the columns they set, then one statement per 200 people.
    const groups = new Map<string, { columns: string[]; rows: unknown[][] }>();
    for (const t of targets) {
      const setId = t.setId;
      if (!t.changed && !setId) continue;
      const set = Object.assign(stateColumns(t.facts), placementUpdate(t.current!, t.placement)) as Record<string, unknown>;
      if (setId) Object.assign(set, { id_number_enc: this.crypto.encrypt(setId), id_number_masked: maskIdNumber(setId), id_number_hash: this.idHash(setId), id_last4: setId.slice(-4) });
      set.updated_at = ctx.now;
      const columns = Object.keys(set);
      const key = columns.join(',');
      let group = groups.get(key);
      if (!group) {
        group = { columns, rows: [] };
        groups.set(key, group);
      }
      group.rows.push([t.id!, ...columns.map((c) => set[c])]);
    }
    for (const { columns, rows } of groups.values()) {
      for (const part of chunks(rows, 200)) await updateRowsById(tx, 'people', columns, part, PEOPLE_TYPES);
    }
  }

  /** The person and everyone merged into them (merges can chain). */
  async group(tx: Db, personId: number): Promise<number[]> {
    const ids = [personId];
    for (let i = 0; i < ids.length; i++) {
      const children = await tx.selectFrom('people').select('id').where('merged_into', '=', ids[i]!).execute();
      ids.push(...children.map((c) => c.id));
    }
    return ids;
  }

  async loadFacts(tx: Db, personIds: number[]): Promise<StoredFact[]> {
    const rows = await tx.selectFrom('person_facts').selectAll().where('person_id', 'in', personIds).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind as FactKind, value: this.readValue(r.kind as FactKind, r.value), validFrom: r.valid_from, recordedAt: r.recorded_at, source: r.source as FactSource, status: r.status }));
  }

  /** Recomputes a person's stored current state from the facts of their group (after a review decision or a merge). */
  async refresh(tx: Db, personId: number, facts: StoredFact[], placement: Placement | null, now: string): Promise<void> {
    const current = await tx.selectFrom('people').select(['division_code', 'grid_id']).where('id', '=', personId).executeTakeFirstOrThrow();
    await tx.updateTable('people').set({ ...stateColumns(facts), ...placementUpdate(current, placement), updated_at: now }).where('id', '=', personId).execute();
  }
}
