import { divisionLevelOf, parentDivisionCode } from '@xinxue/domain';
import type { Kysely } from 'kysely';
import { readDivisionFile } from '../../modules/divisions/division-data.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  const data = readDivisionFile();
  const rows = data.divisions.map(([code, name]) => ({
    code,
    name,
    level: divisionLevelOf(code),
    parent_code: parentDivisionCode(code),
    vintage: data.vintage,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('divisions').values(rows.slice(i, i + 500)).execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('divisions').where('vintage', '=', readDivisionFile().vintage).execute();
}
