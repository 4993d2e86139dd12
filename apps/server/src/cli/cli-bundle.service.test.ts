import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEntry } from '../../bin/cli-bundle.js';

describe('the bundle the xinxue command runs', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'xinxue-cli-bundle-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is built once, reused while the sources are unchanged, and built again when one changes', async () => {
    mkdirSync(path.join(root, 'src/cli'), { recursive: true });
    const word = path.join(root, 'src/cli/word.ts');
    writeFileSync(path.join(root, 'src/cli/main.ts'), "import { word } from './word.ts';\nexport const said: string = word;\n");
    writeFileSync(word, "export const word: string = 'one';\n");

    const first = await cliEntry(root);
    expect(first).toBeDefined();
    expect(((await import(first!)) as { said: string }).said).toBe('one');
    expect(await cliEntry(root)).toBe(first);

    // Same size, later modification time: only the time tells that it changed.
    writeFileSync(word, "export const word: string = 'two';\n");
    utimesSync(word, new Date(), new Date(Date.now() + 5000));
    const second = await cliEntry(root);
    expect(second).not.toBe(first);
    expect(((await import(second!)) as { said: string }).said).toBe('two');
    expect(await cliEntry(root)).toBe(second);
    // The older build stays for a command that may still run from it.
    expect(readdirSync(path.join(root, '.cache/cli')).filter((n) => n.startsWith('b-') && !n.endsWith('.json'))).toHaveLength(2);
  });
});
