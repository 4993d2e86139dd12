import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The committed NBS 2023 extract (scripts/extract-divisions.ts): [12-digit code, name] pairs. */
export interface DivisionFile {
  vintage: string;
  divisions: [string, string][];
}

let cached: DivisionFile | undefined;

export function readDivisionFile(): DivisionFile {
  if (!cached) {
    const file = createRequire(import.meta.url).resolve('@xinxue/domain/divisions.json');
    cached = JSON.parse(readFileSync(file, 'utf8')) as DivisionFile;
  }
  return cached;
}
