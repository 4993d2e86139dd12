import { SingleBar } from 'cli-progress';
import type { Services } from '../services.ts';

/**
 * What every `xinxue import …` command shares: the progress bar (on a terminal, never with --json),
 * the scope it imports into, and the listing of rejected rows.
 */
export function importProgress(json: boolean | undefined): { onProgress: (p: { percent: number; rows: number; rowsPerSecond: number }) => void; stop: () => void } {
  const bar = !json && process.stderr.isTTY ? new SingleBar({ format: '导入 [{bar}] {percentage}% | {rows} 行 | {speed} 行/秒', stream: process.stderr }) : undefined;
  bar?.start(100, 0, { rows: 0, speed: 0 });
  return { onProgress: (p) => bar?.update(p.percent, { rows: p.rows, speed: p.rowsPerSecond }), stop: () => bar?.stop() };
}

/** `--scope CODE` as a division prefix, or the whole city. */
export async function importScope(services: Services, scope: string | undefined): Promise<string> {
  return scope ? (await services.users.resolveScope(scope)).prefix : services.config.cityCode;
}

/** The first 50 rejections, then how many more (`unit`: 行 when each is a row, 处 when a row may have several). */
export function printRejections(rejected: readonly { row: number; column: string; message: string }[], unit: '行' | '处'): void {
  for (const r of rejected.slice(0, 50)) console.log(`  第 ${r.row} 行「${r.column}」：${r.message}`);
  if (rejected.length > 50) console.log(`  ……另有 ${rejected.length - 50} ${unit}，加 --json 查看全部`);
}
