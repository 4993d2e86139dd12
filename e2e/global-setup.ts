import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadDemoInto, repoRoot } from './support/server.ts';

const run = promisify(execFile);

/**
 * Builds the web bundle once per run, so the journeys always test the current code and not an old
 * dist/, and loads the demo once into a template data directory that every journey copies.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const template = await mkdtemp(path.join(os.tmpdir(), 'xinxue-e2e-demo-'));
  const demo = loadDemoInto(template);
  void demo.catch(() => undefined); // awaited below; this keeps an early failure from being "unhandled"
  try {
    // Vitest sets NODE_ENV=test; the bundle under test must be the production build users get.
    await run(npm, ['run', 'build', '-w', '@xinxue/web'], { cwd: repoRoot, timeout: 170_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } });
  } catch (error) {
    await demo.catch(() => undefined);
    await rm(template, { recursive: true, force: true });
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`前端构建失败（npm run build -w @xinxue/web）：\n${stdout}\n${stderr}`);
  }
  await demo;
  process.env.XINXUE_E2E_DEMO_TEMPLATE = template;
  return async () => {
    await rm(template, { recursive: true, force: true });
  };
}
