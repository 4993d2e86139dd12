import { describe, expect, it } from 'vitest';
import { exampleDossier } from '../rules/fixtures.ts';
import { DossierStreamSplitter } from './stream.ts';

function split(text: string, chunkSize: number) {
  const items: unknown[] = [];
  const splitter = new DossierStreamSplitter((value, index) => items.push([index, value]));
  const bytes = new TextEncoder().encode(text);
  // One buffer reused for every chunk, as a file reader does: the splitter must copy what it keeps.
  const buffer = Buffer.alloc(chunkSize);
  for (let at = 0; at < bytes.length; at += chunkSize) {
    const piece = bytes.subarray(at, at + chunkSize);
    buffer.set(piece);
    splitter.push(buffer.subarray(0, piece.length));
    buffer.fill(0);
  }
  splitter.end();
  return { items, errors: splitter.errors };
}

describe('streaming split of a dossier file', () => {
  const file = { format: 'xinxue-dossier/1', dossiers: [exampleDossier(), { id: 'D-“引号”\\"}]', person: { name: '王五 {[' } }, exampleDossier({ version: 'V2014' })] };

  it('yields each dossier whatever the chunk size, strings with brackets and escapes included', () => {
    for (const text of [JSON.stringify(file), JSON.stringify(file, null, 2), `\ufeff${JSON.stringify({ dossiers: file.dossiers, format: file.format })}`]) {
      for (const size of [1, 2, 3, 7, 64, 4096, 1 << 20]) {
        const { items, errors } = split(text, size);
        expect(errors, `chunk ${size}`).toEqual([]);
        expect(items).toEqual(file.dossiers.map((d, i) => [i, d]));
      }
    }
  });

  it('passes bare values through for the checker to refuse, and accepts an empty list', () => {
    expect(split('{"format":"xinxue-dossier/1","dossiers":[12, true ,"x",null]}', 5).items).toEqual([[0, 12], [1, true], [2, 'x'], [3, null]]);
    expect(split('{"format":"xinxue-dossier/1","dossiers":[]}', 3)).toEqual({ items: [], errors: [] });
  });

  it('checks the envelope like the whole-file reader', () => {
    expect(split('{"format":"xinxue-dossier/2","dossiers":[],"extra":1}', 4).errors).toEqual([
      { path: '$.format', message: '应为 “xinxue-dossier/1”，实际为 "xinxue-dossier/2"' },
      { path: '$.extra', message: '未知字段（格式中没有此字段）' },
    ]);
    expect(split('{"dossiers":{}}', 4).errors).toEqual([{ path: '$.dossiers', message: '应为数组' }]);
    expect(split('{"format":"xinxue-dossier/1"}', 4).errors).toEqual([{ path: '$.dossiers', message: '缺少必填字段' }]);
    expect(split('[]', 4).errors[0]!.path).toBe('$');
  });

  it('reports broken JSON: truncated, a bad dossier, missing commas', () => {
    expect(split(JSON.stringify(file).slice(0, 500), 64).errors).toEqual([{ path: '$', message: '不是有效的 JSON：文件不完整' }]);
    expect(split('{"format":"xinxue-dossier/1","dossiers":[{"id":1,}]}', 8).errors[0]!.path).toBe('$.dossiers[0]');
    expect(split('{"format":"xinxue-dossier/1","dossiers":[{} {}]}', 8).errors[0]!.path).toBe('$.dossiers[1]');
    expect(split('{"format":"xinxue-dossier/1","dossiers":[{},]}', 8).errors[0]!.path).toBe('$.dossiers[1]');
  });
});
