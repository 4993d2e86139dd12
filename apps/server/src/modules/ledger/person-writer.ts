import { type FactSource, type LedgerRecord, decideMatch, scoreMatch, type MatchSubject, type MatchPart } from '@xinxue/domain';
import type { Db } from '../../db/database.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import { namePinyin } from './name-pinyin.ts';
import { type FactKind, type FactValue, type Placement, type StoredFact, canonicalValue, conflictingKeys, currentState, encryptedKinds, factsOfRecord } from './facts.ts';

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

/**
 * Writes one validated record into the ledger: finds the person (exact ID number, or an
 * explainable score over blocked candidates), appends the facts that are new, queues conflicts and
 * possible duplicates, and refreshes the person's current state. Runs inside the caller's
 * transaction; writing the same record twice changes nothing the second time.
 */
export class PersonWriter {
  constructor(private readonly crypto: FieldCrypto) {}

  idHash(idNumber: string): string {
    return this.crypto.lookupHash(`id:${idNumber}`);
  }

  phoneHash(phone: string): string {
    return this.crypto.lookupHash(`phone:${phone}`);
  }

  async apply(tx: Db, record: LedgerRecord, placement: Placement, ctx: WriteContext): Promise<WriteOutcome> {
    const pinyin = namePinyin(record.name);
    const phoneHashes = record.phones.map((p) => this.phoneHash(p));
    const outcome: WriteOutcome = { personId: 0, created: false, changed: false, linkedWithoutId: false, queuedForReview: false, conflicts: 0 };
    let reviewCandidate: { id: number; score: number; parts: MatchPart[] } | null = null;

    // A row seen before (same source, same values) goes straight to its person: re-importing a file
    // must change nothing, even for rows that matching alone could not place.
    const fingerprint = this.crypto.lookupHash(`row:${ctx.source}:${JSON.stringify(record)}`);
    const seen = await tx.selectFrom('person_lookups').innerJoin('people', 'people.id', 'person_lookups.person_id').select(['people.id', 'people.merged_into']).where('person_lookups.kind', '=', 'row').where('person_lookups.hash', '=', fingerprint).executeTakeFirst();
    let personId: number | null = seen ? (seen.merged_into ?? seen.id) : null;
    if (personId === null && record.idNumber) {
      const hit = await tx.selectFrom('people').select(['id', 'merged_into']).where('id_number_hash', '=', this.idHash(record.idNumber)).executeTakeFirst();
      if (hit) personId = hit.merged_into ?? hit.id;
    }
    if (personId === null && !seen) {
      const subject: MatchSubject = { name: record.name, namePinyin: pinyin.full, nameInitials: pinyin.initials, birthDate: record.birthDate, gender: record.gender, phoneHashes, hukouCounty: placement.hukouCode?.slice(0, 6) ?? null };
      const best = await this.bestCandidate(tx, subject, record.idNumber !== null);
      if (best && decideMatch(best.score) === 'link') {
        personId = best.id;
        outcome.linkedWithoutId = true;
        if (record.idNumber) await this.setIdNumber(tx, best.id, record.idNumber);
      } else if (best && decideMatch(best.score) === 'review') {
        reviewCandidate = best;
      }
    }
    if (personId === null) {
      personId = await this.insertPerson(tx, record, placement, pinyin, ctx.now);
      outcome.created = true;
      if (reviewCandidate) {
        await tx.insertInto('review_items').values({
          kind: 'match', status: 'open', division_code: placement.divisionCode, person_id: personId, candidate_id: reviewCandidate.id,
          fact_id: null, other_fact_id: null, score: reviewCandidate.score, explanation: JSON.stringify({ parts: reviewCandidate.parts }), import_id: ctx.importId, created_at: ctx.now,
        }).execute();
        outcome.queuedForReview = true;
      }
    }
    outcome.personId = personId;

    const group = await this.group(tx, personId);
    const existing = await this.loadFacts(tx, group);
    const existingKeys = new Set(existing.map((f) => `${f.kind}|${f.source}|${f.validFrom ?? ''}|${this.valueHash(f.kind, f.value)}`));
    let state = currentState(existing);
    for (const fact of factsOfRecord(record, placement)) {
      const hash = this.valueHash(fact.kind, fact.value);
      if (existingKeys.has(`${fact.kind}|${ctx.source}|${fact.validFrom ?? ''}|${hash}`)) continue;
      const conflicts = conflictingKeys({ ...fact, source: ctx.source }, state);
      const { id: factId } = await tx
        .insertInto('person_facts')
        .values({
          person_id: personId, kind: fact.kind, value: this.storeValue(fact.kind, fact.value), value_hash: hash, valid_from: fact.validFrom,
          recorded_at: ctx.now, source: ctx.source, recorded_by: ctx.userId, import_id: ctx.importId, status: conflicts.length ? 'disputed' : 'active', derived_from: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      outcome.changed = true;
      if (conflicts.length) {
        await tx.insertInto('review_items').values({
          kind: 'conflict', status: 'open', division_code: placement.divisionCode, person_id: personId, candidate_id: null, fact_id: factId,
          other_fact_id: conflicts[0]!.currentFactId, score: null, explanation: JSON.stringify({ keys: conflicts }), import_id: ctx.importId, created_at: ctx.now,
        }).execute();
        outcome.conflicts += 1;
      } else {
        existing.push({ id: factId, kind: fact.kind, value: fact.value, validFrom: fact.validFrom, recordedAt: ctx.now, source: ctx.source, status: 'active' });
        state = currentState(existing);
      }
    }
    if (!seen) await tx.insertInto('person_lookups').values({ person_id: personId, kind: 'row', hash: fingerprint }).execute();
    for (const hash of phoneHashes) {
      const known = await tx.selectFrom('person_lookups').select('person_id').where('kind', '=', 'phone').where('hash', '=', hash).where('person_id', '=', personId).executeTakeFirst();
      if (!known) await tx.insertInto('person_lookups').values({ person_id: personId, kind: 'phone', hash }).execute();
    }
    if (outcome.changed) await this.refresh(tx, personId, existing, placement, ctx.now);
    return outcome;
  }

  valueHash(kind: FactKind, value: FactValue): string {
    return this.crypto.lookupHash(`fact:${kind}:${canonicalValue(value)}`);
  }

  private storeValue(kind: FactKind, value: FactValue): string {
    const json = JSON.stringify(value);
    return encryptedKinds.has(kind) ? this.crypto.encrypt(json) : json;
  }

  readValue(kind: FactKind, stored: string): FactValue {
    return JSON.parse(encryptedKinds.has(kind) ? this.crypto.decrypt(stored) : stored) as FactValue;
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
    return rows.map((r) => ({ id: r.id, kind: r.kind as FactKind, value: this.readValue(r.kind as FactKind, r.value), validFrom: r.valid_from, recordedAt: r.recorded_at, source: r.source as FactSource, status: r.status, personId: r.person_id }));
  }

  private async bestCandidate(tx: Db, subject: MatchSubject, rowHasId: boolean): Promise<{ id: number; score: number; parts: MatchPart[] } | null> {
    let q = tx
      .selectFrom('people')
      .select(['id', 'name', 'name_pinyin', 'name_initials', 'birth_date', 'gender', 'hukou_code'])
      .where('merged_into', 'is', null)
      .where((eb) => {
        const ors = [eb('name', '=', subject.name)];
        if (subject.birthDate) ors.push(eb.and([eb('name_initials', '=', subject.nameInitials), eb('birth_date', '>=', subject.birthDate.slice(0, 7)), eb('birth_date', '<', `${subject.birthDate.slice(0, 7)}~`)]));
        if (subject.phoneHashes.length) ors.push(eb('id', 'in', eb.selectFrom('person_lookups').select('person_id').where('kind', '=', 'phone').where('hash', 'in', [...subject.phoneHashes])));
        return eb.or(ors);
      })
      .limit(50);
    // A row with a valid ID number can only be someone recorded without one.
    if (rowHasId) q = q.where('id_number_hash', 'is', null);
    const candidates = await q.execute();
    let best: { id: number; score: number; parts: MatchPart[] } | null = null;
    for (const c of candidates) {
      const phones = await tx.selectFrom('person_lookups').select('hash').where('person_id', '=', c.id).where('kind', '=', 'phone').execute();
      const { score, parts } = scoreMatch(subject, {
        name: c.name, namePinyin: c.name_pinyin, nameInitials: c.name_initials, birthDate: c.birth_date, gender: c.gender,
        phoneHashes: phones.map((p) => p.hash), hukouCounty: c.hukou_code?.slice(0, 6) ?? null,
      });
      if (!best || score > best.score) best = { id: c.id, score, parts };
    }
    return best;
  }

  private async setIdNumber(tx: Db, personId: number, idNumber: string): Promise<void> {
    await tx.updateTable('people').set({ id_number_enc: this.crypto.encrypt(idNumber), id_number_hash: this.idHash(idNumber), id_last4: idNumber.slice(-4) }).where('id', '=', personId).execute();
  }

  private async insertPerson(tx: Db, r: LedgerRecord, p: Placement, pinyin: { full: string; initials: string }, now: string): Promise<number> {
    const { id } = await tx
      .insertInto('people')
      .values({
        division_code: p.divisionCode, grid_id: p.gridId, name: r.name, name_pinyin: pinyin.full, name_initials: pinyin.initials,
        id_number_enc: r.idNumber ? this.crypto.encrypt(r.idNumber) : null, id_number_hash: r.idNumber ? this.idHash(r.idNumber) : null, id_last4: r.idNumber?.slice(-4) ?? null,
        gender: r.gender, birth_date: r.birthDate, ethnicity: null, education: null, political_status: null, direction: null, moved_on: null, hukou_code: null,
        origin_code: null, destination_code: null, employer: null, occupation_group: null, hukou_at: null, movement_at: null, work_address_at: null,
        occupation_at: null, contact_at: null, merged_into: null, created_at: now, updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** Recomputes the person's denormalised current state from the facts of their group. */
  async refresh(tx: Db, personId: number, facts: StoredFact[], placement: Placement | null, now: string): Promise<void> {
    const state = currentState(facts);
    const get = (kind: FactKind, key: string) => {
      const v = state.get(kind)?.get(key)?.value;
      return typeof v === 'string' ? v : null;
    };
    const latest = (kind: FactKind, keys: string[]) => {
      let at: string | null = null;
      for (const f of facts) if (f.status === 'active' && f.kind === kind && keys.some((k) => k in f.value) && (!at || f.recordedAt > at)) at = f.recordedAt;
      return at;
    };
    const name = get('identity', 'name');
    const pinyin = name ? namePinyin(name) : null;
    const current = await tx.selectFrom('people').select(['division_code', 'grid_id']).where('id', '=', personId).executeTakeFirstOrThrow();
    // A later record may place the person more precisely (a village inside the known township), never elsewhere.
    const moreSpecific = placement && placement.divisionCode !== current.division_code && placement.divisionCode.replace(/0+$/, '').startsWith(current.division_code.replace(/0+$/, ''));
    await tx
      .updateTable('people')
      .set({
        ...(name && pinyin ? { name, name_pinyin: pinyin.full, name_initials: pinyin.initials } : {}),
        gender: get('identity', 'gender'), birth_date: get('identity', 'birthDate'), ethnicity: get('identity', 'ethnicity'), education: get('identity', 'education'),
        political_status: get('identity', 'politicalStatus'), direction: get('movement', 'direction'), moved_on: get('movement', 'movedOn'),
        hukou_code: get('hukou', 'divisionCode'), origin_code: get('movement', 'originCode'), destination_code: get('movement', 'destinationCode'),
        employer: get('work', 'employer'), occupation_group: get('work', 'occupationGroup'),
        hukou_at: latest('hukou', ['address', 'divisionCode']), movement_at: latest('movement', ['movedOn']), work_address_at: latest('work', ['address']),
        occupation_at: latest('work', ['occupation', 'occupationGroup']), contact_at: latest('contact', ['phones', 'wechat', 'qq']),
        ...(moreSpecific ? { division_code: placement.divisionCode } : {}),
        ...(current.grid_id === null && placement?.gridId ? { grid_id: placement.gridId } : {}),
        updated_at: now,
      })
      .where('id', '=', personId)
      .execute();
  }
}
