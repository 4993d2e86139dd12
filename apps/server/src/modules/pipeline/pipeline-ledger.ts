import { addDays, daysBetween, type IsoDate } from '@xinxue/domain/calendar/index';
import type { Dossier } from '@xinxue/domain/dossier/index';
import type { Db } from '../../db/database.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import { compareFacts, type StoredFact } from '../ledger/facts.ts';
import type { PersonWriter } from '../ledger/person-writer.ts';

/**
 * What the development workflow takes from the ledger: the dossier's identity fields (never typed
 * again), and the facts behind the three deferrals (三个暂不发展) at steps 3 and 7.
 */
type PersonRow = {
  name: string; id_number_enc: string | null; birth_date: string | null; gender: string | null; political_status: string | null; direction: string | null;
  moved_on: string | null; origin_code: string | null; destination_code: string | null; hukou_code: string | null; division_code: string; employer: string | null;
};

const CODE = /^(\d{6}|\d{12})$/;

export function personBlock(crypto: FieldCrypto, p: PersonRow): Dossier['person'] {
  const person: Dossier['person'] = { name: p.name };
  if (p.id_number_enc) person.idNumber = crypto.decrypt(p.id_number_enc);
  // With an ID number the reader checks the birth date against it; the number is the better source.
  else if (p.birth_date) person.birthDate = p.birth_date;
  if (p.gender === '1') person.gender = 'male';
  else if (p.gender === '2') person.gender = 'female';
  // GB/T 4762: 03 共青团员. Unknown political status stays absent ("no record"), never false.
  if (p.political_status) person.leagueMember = p.political_status === '03';
  const direction = p.direction === 'inbound' || p.direction === 'outbound' ? p.direction : null;
  if (direction && p.moved_on) {
    const originCode = direction === 'inbound' ? p.origin_code : (p.hukou_code ?? p.division_code);
    const workplaceCode = direction === 'inbound' ? (p.destination_code ?? p.division_code) : p.destination_code;
    if (originCode && workplaceCode && CODE.test(originCode) && CODE.test(workplaceCode)) {
      person.migrant = { direction, originCode, workplaceCode, ...(p.employer ? { employer: p.employer } : {}), movedOn: p.moved_on };
    }
  }
  return person;
}

/** The deferral facts fed to R-DEFER-*, with where each came from (shown to the clerk). */
export interface DeferralFacts {
  asOf: IsoDate;
  monthsAwayLastYear: number | null;
  hasFixedEmployer: boolean | null;
  performance: 'good' | 'fair' | 'poor' | null;
  evidence: { monthsAwayLastYear: string; hasFixedEmployer: string; performance: string };
}

/**
 * Months away in the year before `on`: from the person's movement facts, the person is here while
 * the latest movement says inbound into the handling organization's county, and away while it says
 * outbound (or inbound somewhere else). Without any movement fact the months are unknown.
 */
export function monthsAway(facts: StoredFact[], orgDivision: string, on: IsoDate): { months: number | null; evidence: string } {
  const moves = facts.filter((f) => f.kind === 'movement' && f.status === 'active' && (f.validFrom ?? '') <= on).sort(compareFacts);
  if (moves.length === 0) return { months: null, evidence: '台帐没有流动情况记录' };
  const county = orgDivision.slice(0, 6);
  const start = addDays(on, -365);
  const awayOf = (f: StoredFact) => {
    const direction = f.value.direction;
    const destination = typeof f.value.destinationCode === 'string' ? f.value.destinationCode : '';
    return direction === 'outbound' || (direction === 'inbound' && !!destination && !destination.startsWith(county));
  };
  let awayDays = 0;
  for (let i = 0; i < moves.length; i++) {
    const from = moves[i]!.validFrom ?? start;
    const to = moves[i + 1]?.validFrom ?? on;
    const a = from > start ? from : start;
    if (to <= a || !awayOf(moves[i]!)) continue;
    awayDays += daysBetween(a, to);
  }
  const months = Math.floor(awayDays / 30.4);
  const last = moves[moves.length - 1]!;
  return { months, evidence: `台帐流动情况（最近一条：${last.value.direction === 'outbound' ? '流出' : '流入'}，${last.validFrom ?? '日期不详'}，来源${last.source}）：过去一年离开 ${months} 个月` };
}

export function fixedEmployer(facts: StoredFact[], on: IsoDate): { value: boolean | null; evidence: string } {
  const work = facts.filter((f) => f.kind === 'work' && f.status === 'active' && (f.validFrom ?? '') <= on).sort(compareFacts);
  if (work.length === 0) return { value: null, evidence: '台帐没有工作情况记录' };
  const withEmployer = [...work].reverse().find((f) => typeof f.value.employer === 'string' && f.value.employer.trim());
  if (!withEmployer) return { value: false, evidence: '台帐的工作情况没有工作单位' };
  return { value: true, evidence: `台帐工作单位：${String(withEmployer.value.employer)}（${withEmployer.validFrom ?? '日期不详'}，来源${withEmployer.source}）` };
}

/** Recorded performance: the latest 培养考察 result in the dossier on or before the date; the contact log only as context. */
export function performanceOf(d: Dossier, on: IsoDate, contacts: { count: number; last: string | null }): { value: 'good' | 'fair' | 'poor' | null; evidence: string } {
  const latest = (d.assessments ?? []).filter((a) => a.on <= on).sort((a, b) => (a.on < b.on ? -1 : 1)).pop();
  const log = contacts.count ? `；培养联系记录 ${contacts.count} 次，最近 ${contacts.last}` : '';
  if (!latest) return { value: null, evidence: `尚无培养考察结果${log}` };
  return { value: latest.result, evidence: `最近一次培养考察（${latest.on}）：${{ good: '好', fair: '一般', poor: '差' }[latest.result]}${log}` };
}

export async function deferralFacts(db: Db, writer: PersonWriter, personId: number, orgDivision: string, d: Dossier, on: IsoDate): Promise<DeferralFacts> {
  const facts = await writer.loadFacts(db, await writer.group(db, personId));
  const away = monthsAway(facts, orgDivision, on);
  const employer = fixedEmployer(facts, on);
  const logs = await db
    .selectFrom('contact_logs')
    .innerJoin('cultivation_targets', 'cultivation_targets.id', 'contact_logs.target_id')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('contact_logs.contacted_on').as('last')])
    .where('cultivation_targets.person_id', '=', personId)
    .where('contact_logs.contacted_on', '<=', on)
    .executeTakeFirst();
  const performance = performanceOf(d, on, { count: Number(logs?.n ?? 0), last: (logs?.last as string | null | undefined) ?? null });
  return {
    asOf: on,
    monthsAwayLastYear: away.months,
    hasFixedEmployer: employer.value,
    performance: performance.value,
    evidence: { monthsAwayLastYear: away.evidence, hasFixedEmployer: employer.evidence, performance: performance.evidence },
  };
}

/** The facts in the shape R-DEFER-* read (`deferral` of the format); an override already recorded is kept. */
export function withDeferral(d: Dossier, facts: DeferralFacts): Dossier {
  const deferral: NonNullable<Dossier['deferral']> = { ...(d.deferral?.override ? { override: d.deferral.override } : {}) };
  if (facts.monthsAwayLastYear !== null) deferral.monthsAwayLastYear = facts.monthsAwayLastYear;
  if (facts.hasFixedEmployer !== null) deferral.hasFixedEmployer = facts.hasFixedEmployer;
  if (facts.performance !== null) deferral.performance = facts.performance;
  return { ...d, deferral };
}
