import Sqlite from 'better-sqlite3';
import { peopleGenerator, seededRandom } from '../../apps/server/src/demo/people-generator.ts';
import type { FieldCrypto } from '../../apps/server/src/lib/crypto.ts';
import { namePinyin } from '../../apps/server/src/modules/ledger/name-pinyin.ts';
import { maskIdNumber } from '../../packages/domain/src/masking/masking.ts';

const DESTINATIONS = ['440300000000', '441900000000', '440100000000', '310100000000', '330100000000', '330200000000', '320500000000', '420100000000'];

/**
 * Fills `people` with `count` realistic rows straight through one prepared statement (the search
 * benchmark measures searching, not importing): names, pinyin, encrypted ID numbers with their
 * hashes, last four and masked form (as the import stores them), villages and grids of the demo, directions, destinations and the five-item
 * dates. Deterministic by seed.
 */
export async function loadBulkPeople(file: string, crypto: FieldCrypto, count: number, onProgress?: (done: number) => void, seed = 7): Promise<void> {
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  const grids = db.prepare(`SELECT id, division_code FROM grids WHERE division_code LIKE '4205%' ORDER BY id`).all() as { id: number; division_code: string }[];
  const rand = seededRandom(seed);
  const generator = peopleGenerator(seed);
  const insert = db.prepare(`INSERT INTO people (division_code, grid_id, name, name_pinyin, name_initials, id_number_enc, id_number_masked, id_number_hash, id_last4, gender, birth_date,
    direction, moved_on, destination_code, employer, hukou_at, movement_at, work_address_at, occupation_at, contact_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const now = new Date().toISOString();
  const step = 50_000;
  for (let done = 0; done < count; done += step) {
    db.transaction(() => {
      for (let i = done; i < Math.min(count, done + step); i++) {
        const p = generator.next();
        const grid = grids[Math.floor(rand() * grids.length)]!;
        const pinyin = namePinyin(p.name);
        const outbound = p.direction === 'outbound';
        const idNumber = p.idNumber;
        insert.run(grid.division_code, grid.id, p.name, pinyin.full, pinyin.initials, crypto.encrypt(idNumber), maskIdNumber(idNumber), crypto.lookupHash(`id:${idNumber}`), idNumber.slice(-4),
          p.gender === '男' ? '1' : '2', p.birthDate, p.direction, p.movedOn, outbound ? DESTINATIONS[i % DESTINATIONS.length]! : grid.division_code, p.employer,
          now, now, rand() < 0.8 ? now : null, now, rand() < 0.9 ? now : null, now, now);
      }
    })();
    onProgress?.(Math.min(count, done + step));
  }
  db.close();
}
