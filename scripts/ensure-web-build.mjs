// Builds the web bundle before `npm start` when it is missing or older than its sources, so a
// fresh checkout serves the app without a separate build step and an edit is never served stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'apps/web');
const builtIndex = path.join(web, 'dist/index.html');

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes only its directory
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((name) => path.join(web, name));
const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newestMtime));

if (builtAt === 0 || sourcesAt > builtAt) {
  console.log(builtAt === 0 ? '未找到前端构建产物，正在构建前端……' : '前端源码有更新，正在重新构建前端……');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '-w', '@xinxue/web'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error('前端构建失败，请运行 npm run build:web 查看详细信息');
    process.exit(result.status ?? 1);
  }
  console.log('前端构建完成。');
}
