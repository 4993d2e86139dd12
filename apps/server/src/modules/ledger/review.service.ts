import { maskedIdNumber } from './person-state.ts';
import { type FactSource, maskPhone, sourceLabels } from '@xinxue/domain';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import { appError } from '../../lib/errors.ts';
import { scopedPeople, withinPrefix } from '../../lib/scope.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import { type FactKind, type FactValue, factKeyLabels, factKindLabels } from './facts.ts';
import type { PersonWriter } from './person-writer.ts';

export type MatchAction = 'merge' | 'distinct';

export interface ReviewFilter {
  status: 'open' | 'resolved';
  kind?: 'match' | 'conflict' | undefined;
  /** Only people placed under this division code prefix (inside the caller's scope). */
  within?: string | undefined;
  page: number;
  pageSize: number;
}
export type ConflictAction = 'acceptIncoming' | 'keepCurrent';

/**
 * The review queue: possible duplicates (merge or keep apart) and disagreements between sources
 * (take the incoming value or keep the current one). Merges can be undone; person ids never change;
 * every decision is logged.
 */
export class ReviewService {
  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
    private readonly writer: PersonWriter,
    private readonly auditLog: AuditLogService,
  ) {}

  /** One page of the queue in the caller's scope: open items oldest first, resolved ones newest first. */
  async list(ctx: RequestContext, f: ReviewFilter): Promise<{ items: Awaited<ReturnType<ReviewService['view']>>[]; total: number }> {
    let q = scopedPeople(this.db.selectFrom('review_items').innerJoin('people', 'people.id', 'review_items.person_id'), ctx.user.scope).where('review_items.status', '=', f.status);
    if (f.kind) q = q.where('review_items.kind', '=', f.kind);
    if (f.within) q = withinPrefix(q, 'people.division_code', f.within);
    const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const items = await q
      .selectAll('review_items')
      .orderBy('review_items.id', f.status === 'open' ? 'asc' : 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    const out = [];
    for (const item of items) out.push(await this.view(item));
    return { items: out, total: Number(total) };
  }

  private async personSummary(id: number | null) {
    if (!id) return null;
    const p = await this.db.selectFrom('people').select(['id', 'name', 'id_number_enc', 'id_number_masked', 'birth_date', 'gender', 'employer', 'division_code', 'merged_into']).where('id', '=', id).executeTakeFirstOrThrow();
    const phones = await this.currentPhones(id);
    return {
      id: p.id,
      name: p.name,
      idNumberMasked: maskedIdNumber(this.crypto, p),
      birthDate: p.birth_date,
      gender: p.gender === '1' ? '男' : p.gender === '2' ? '女' : null,
      employer: p.employer,
      phonesMasked: phones.map(maskPhone),
      mergedInto: p.merged_into,
    };
  }

  private async currentPhones(personId: number): Promise<string[]> {
    const facts = await this.writer.loadFacts(this.db, await this.writer.group(this.db, personId));
    const phones = new Set<string>();
    for (const f of facts) if (f.kind === 'contact' && f.status === 'active') for (const p of (f.value.phones as string[] | undefined) ?? []) phones.add(p);
    return [...phones];
  }

  private async fact(id: number | null) {
    if (!id) return null;
    const f = await this.db.selectFrom('person_facts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { ...f, parsed: this.writer.readValue(f.kind as FactKind, f.value) };
  }

  private async view(item: { id: number; kind: string; status: string; person_id: number; candidate_id: number | null; fact_id: number | null; other_fact_id: number | null; score: number | null; explanation: string; created_at: string; resolution: string | null; resolved_at: string | null }) {
    const explanation = JSON.parse(item.explanation) as { parts?: { label: string; points: number; detail: string }[]; keys?: { key: string }[] };
    const base = { id: item.id, kind: item.kind as 'match' | 'conflict', status: item.status, createdAt: item.created_at, resolution: item.resolution, resolvedAt: item.resolved_at };
    if (item.kind === 'match') {
      return { ...base, score: item.score, parts: explanation.parts ?? [], person: await this.personSummary(item.person_id), candidate: await this.personSummary(item.candidate_id), differences: [] };
    }
    const incoming = await this.fact(item.fact_id);
    const current = await this.fact(item.other_fact_id);
    const show = (key: string, value: FactValue[string] | undefined) => (value === undefined ? '（无）' : key === 'phones' && Array.isArray(value) ? value.map(maskPhone).join('、') : Array.isArray(value) ? value.join('、') : value);
    const differences = (explanation.keys ?? []).map(({ key }) => ({
      key,
      label: factKeyLabels[key] ?? key,
      incoming: show(key, incoming?.parsed[key]),
      incomingSource: sourceLabels[incoming?.source as FactSource] ?? '',
      current: show(key, current?.parsed[key]),
      currentSource: sourceLabels[current?.source as FactSource] ?? '',
    }));
    return { ...base, score: null, parts: [], person: await this.personSummary(item.person_id), candidate: null, factKind: incoming ? factKindLabels[incoming.kind as FactKind] : null, differences };
  }

  private async openItem(ctx: RequestContext, id: number) {
    const item = await this.db.selectFrom('review_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!item) throw appError('REVIEW_ITEM_NOT_FOUND');
    const visible = await scopedPeople(this.db.selectFrom('people').select('people.id'), ctx.user.scope).where('people.id', '=', item.person_id).executeTakeFirst();
    if (!visible) throw appError('OUT_OF_SCOPE', '该事项不在您的管辖范围内');
    if (item.status !== 'open') throw appError('REVIEW_ALREADY_RESOLVED');
    return item;
  }

  async resolveMatch(ctx: RequestContext, id: number, action: MatchAction) {
    const item = await this.openItem(ctx, id);
    if (item.kind !== 'match' || !item.candidate_id) throw appError('BAD_REQUEST', '该事项不是疑似重复');
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (tx) => {
      if (action === 'merge') await this.merge(tx, ctx, item.candidate_id!, item.person_id, `审核疑似重复（第${item.id}号）`, now);
      await tx.updateTable('review_items').set({ status: 'resolved', resolution: action, resolved_at: now, resolved_by: ctx.user.id }).where('id', '=', id).execute();
      await this.auditLog.append(tx, actorOf(ctx), { action: `review.match.${action}`, objectType: 'person', objectIds: [item.person_id, item.candidate_id!], detail: { reviewItem: id, score: item.score } });
    });
    return this.view((await this.db.selectFrom('review_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  }

  /** Merges two people. The one holding an ID number survives (else the older); both ids stay. */
  private async merge(tx: Db, ctx: RequestContext, a: number, b: number, reason: string, now: string): Promise<number> {
    const [pa, pb] = await Promise.all([a, b].map((id) => tx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
    if (pa!.merged_into || pb!.merged_into) throw appError('CONFLICT', '其中一人已被合并，请先撤销原合并');
    if (pa!.id_number_hash && pb!.id_number_hash && pa!.id_number_hash !== pb!.id_number_hash) throw appError('CONFLICT', '两人的公民身份号码不同，不能合并');
    const [survivor, merged] = pb!.id_number_hash && !pa!.id_number_hash ? [pb!, pa!] : pa!.id < pb!.id || pa!.id_number_hash ? [pa!, pb!] : [pb!, pa!];
    await tx.updateTable('people').set({ merged_into: survivor.id, updated_at: now }).where('id', '=', merged.id).execute();
    await tx.insertInto('person_merges').values({ survivor_id: survivor.id, merged_id: merged.id, reason, at: now, by_user: ctx.user.id }).execute();
    await this.writer.refresh(tx, survivor.id, await this.writer.loadFacts(tx, await this.writer.group(tx, survivor.id)), null, now);
    return survivor.id;
  }

  /** Undoes a merge (a split): the merged person stands alone again with their own facts. */
  async undoMerge(ctx: RequestContext, mergeId: number) {
    const merge = await this.db.selectFrom('person_merges').selectAll().where('id', '=', mergeId).executeTakeFirst();
    if (!merge || merge.undone_at) throw appError('NOT_FOUND', '合并记录不存在或已撤销');
    const visible = await scopedPeople(this.db.selectFrom('people').select('people.id'), ctx.user.scope).where('people.id', '=', merge.survivor_id).executeTakeFirst();
    if (!visible) throw appError('OUT_OF_SCOPE', '该人员不在您的管辖范围内');
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('people').set({ merged_into: null, updated_at: now }).where('id', '=', merge.merged_id).execute();
      await tx.updateTable('person_merges').set({ undone_at: now, undone_by: ctx.user.id }).where('id', '=', mergeId).execute();
      for (const id of [merge.survivor_id, merge.merged_id]) await this.writer.refresh(tx, id, await this.writer.loadFacts(tx, await this.writer.group(tx, id)), null, now);
      await this.auditLog.append(tx, actorOf(ctx), { action: 'person.merge.undo', objectType: 'person', objectIds: [merge.survivor_id, merge.merged_id], detail: { mergeId } });
    });
  }

  async resolveConflict(ctx: RequestContext, id: number, action: ConflictAction) {
    const item = await this.openItem(ctx, id);
    if (item.kind !== 'conflict' || !item.fact_id) throw appError('BAD_REQUEST', '该事项不是来源冲突');
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (tx) => {
      const incoming = await tx.selectFrom('person_facts').selectAll().where('id', '=', item.fact_id!).executeTakeFirstOrThrow();
      const current = item.other_fact_id ? await tx.selectFrom('person_facts').selectAll().where('id', '=', item.other_fact_id).executeTakeFirst() : undefined;
      if (action === 'acceptIncoming') {
        // A new fact, derived from the accepted one and dated so that it is the latest: history stays append-only.
        const validFrom = [incoming.valid_from, current?.valid_from].filter((v): v is string => !!v).sort().pop() ?? null;
        await tx.insertInto('person_facts').values({ ...incoming, id: undefined, valid_from: validFrom, recorded_at: now, recorded_by: ctx.user.id, import_id: null, status: 'active', derived_from: incoming.id }).execute();
        await tx.updateTable('person_facts').set({ status: 'accepted' }).where('id', '=', incoming.id).execute();
      } else {
        await tx.updateTable('person_facts').set({ status: 'rejected' }).where('id', '=', incoming.id).execute();
      }
      await tx.updateTable('review_items').set({ status: 'resolved', resolution: action, resolved_at: now, resolved_by: ctx.user.id }).where('id', '=', id).execute();
      const survivor = (await tx.selectFrom('people').select(['id', 'merged_into']).where('id', '=', item.person_id).executeTakeFirstOrThrow());
      const root = survivor.merged_into ?? survivor.id;
      await this.writer.refresh(tx, root, await this.writer.loadFacts(tx, await this.writer.group(tx, root)), null, now);
      await this.auditLog.append(tx, actorOf(ctx), { action: `review.conflict.${action}`, objectType: 'person', objectIds: [item.person_id], detail: { reviewItem: id, fact: incoming.id } });
    });
    return this.view((await this.db.selectFrom('review_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  }
}
