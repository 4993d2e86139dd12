import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const run = promisify(execFile);

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The environment without DATABASE_URL: browser journeys always run on a throwaway SQLite file. */
function serverEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...extra };
  delete env.DATABASE_URL;
  return env;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`服务器进程已退出（代码 ${child.exitCode}）：\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`服务器在 ${timeoutMs / 1000} 秒内没有就绪：\n${output()}`);
}

/** Loads the demo into an empty data directory with the real command. */
export async function loadDemoInto(dataDir: string): Promise<void> {
  await run(process.execPath, ['apps/server/bin/xinxue.js', 'demo'], { cwd: repoRoot, env: serverEnv(dataDir), timeout: 240_000 });
}

/**
 * A real server with the demo data in a fresh temporary data directory, on a free port. The global
 * setup loads the demo once (XINXUE_E2E_DEMO_TEMPLATE); each journey copies that directory rather
 * than loading the whole demo — organizations, registry, mobile and micro-organizations — again.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'xinxue-e2e-'));
  try {
    if (process.env.XINXUE_E2E_DEMO_TEMPLATE) await cp(process.env.XINXUE_E2E_DEMO_TEMPLATE, dataDir, { recursive: true });
    else await loadDemoInto(dataDir);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: repoRoot,
    env: serverEnv(dataDir, { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Whether the browser journeys can run here. Without Chromium they are skipped on a developer's
 * machine, but in CI a missing browser must fail the run rather than pass it silently.
 */
export function browserAvailability(): { available: true; reason: null } | { available: false; reason: string } {
  const executable = chromiumPath();
  if (existsSync(executable)) return { available: true, reason: null };
  const reason = `找不到 Chromium（${executable}）：安装 chromium 与 fonts-wqy-zenhei，或设置 CHROMIUM_PATH`;
  if (process.env.CI === 'true') throw new Error(`CI=true 时浏览器测试不能跳过：${reason}`);
  return { available: false, reason: `已跳过浏览器测试：${reason}` };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
