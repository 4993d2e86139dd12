import { chinaToday, type LedgerSource, readLedgerRow } from '@xinxue/domain';
import { DivisionResolver } from '../modules/divisions/division-resolver.ts';
import { Placer } from '../modules/ledger/import/placement.ts';
import type { WriteItem } from '../modules/ledger/person-writer.ts';
import type { Services } from '../services.ts';
import { peopleGenerator, type SyntheticPerson } from './people-generator.ts';

/**
 * Adds `count` realistic migrants to the demo ledger, as the three departments would report them:
 * most from one source, a quarter of them also reported by a second department (the merge then
 * shows two sources on one person). Deterministic: the same seed gives the same people.
 */
export async function loadDemoPeople(services: Services, count: number, seed = 2026, onProgress?: (done: number) => void): Promise<{ people: number; facts: number }> {
  const { db } = services.database;
  const generator = peopleGenerator(seed, services.config.cityCode);
  const resolver = await DivisionResolver.load(db);
  const placer = new Placer(db, resolver, services.config.cityCode, services.config.cityCode);
  const today = chinaToday();
  const batches = new Map<LedgerSource, WriteItem[]>([['police', []], ['familyPlanning', []], ['civilAffairs', []]]);

  const flush = async (source: LedgerSource) => {
    const items = batches.get(source)!;
    if (!items.length) return;
    await db.transaction().execute((tx) => services.personWriter.applyBatch(tx, items, { source, importId: null, userId: null, now: new Date().toISOString() }));
    batches.set(source, []);
  };
  const add = async (source: LedgerSource, p: SyntheticPerson) => {
    const row = readLedgerRow(
      {
        name: p.name, idNumber: p.idNumber, gender: p.gender, ethnicity: p.ethnicity, education: p.education, politicalStatus: p.politicalStatus,
        direction: p.direction === 'inbound' ? '流入' : '流出', hukouAddress: p.hukouAddress, movedOn: p.movedOn, destination: p.destination,
        residenceAddress: p.residenceAddress, employer: p.employer, workAddress: p.workAddress, occupation: p.occupation, phone: p.phone, wechat: p.wechat,
      },
      source,
      today,
    );
    if (!row.ok) return;
    const placed = await placer.place(row.record);
    if (!placed.ok) return;
    batches.get(source)!.push({ record: row.record, placement: placed.placement });
    if (batches.get(source)!.length >= 500) await flush(source);
  };

  for (let i = 0; i < count; i++) {
    const p = generator.next();
    // Outbound people are known to civil affairs, inbound ones to the police; family planning knows a quarter of each.
    await add(p.direction === 'outbound' ? 'civilAffairs' : 'police', p);
    if (i % 4 === 0) await add('familyPlanning', { ...p, movedOn: p.movedOn });
    if (i % 500 === 499) onProgress?.(i + 1);
  }
  for (const source of batches.keys()) await flush(source);
  onProgress?.(count);
  const { n } = await db.selectFrom('person_facts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { people: count, facts: Number(n) };
}
