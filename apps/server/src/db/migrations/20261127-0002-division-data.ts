import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { divisionLevelOf, parentDivisionCode } from '@xinxue/domain';
import type { Kysely } from 'kysely';

/** Loads the committed NBS 2023 extract (scripts/extract-divisions.ts). */
interface DivisionFile {
  vintage: string;
  divisions: [string, string][];
}

export function readDivisionFile(): DivisionFile {
  const file = createRequire(import.meta.url).resolve('@xinxue/domain/divisions.json');
  return JSON.parse(readFileSync(file, 'utf8')) as DivisionFile;
}

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
