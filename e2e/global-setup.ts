import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from './support/server.ts';

const run = promisify(execFile);

/** Builds the web bundle once per run, so the journeys always test the current code and not an old dist/. */
export default async function buildWeb(): Promise<void> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    // Vitest sets NODE_ENV=test; the bundle under test must be the production build users get.
    await run(npm, ['run', 'build', '-w', '@xinxue/web'], { cwd: repoRoot, timeout: 170_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`前端构建失败（npm run build -w @xinxue/web）：\n${stdout}\n${stderr}`);
  }
}
