// The bundle the `xinxue` command runs: src/cli/main.ts and everything it imports from this
// repository (the server's and @xinxue/domain's sources) as ES modules, one chunk per command so a
// command loads only its own code; npm packages stay imports. The bundles live in
// apps/server/.cache/cli/, one folder per build; `current.json` names the newest and the size and
// modification time of every source it was built from. Any change to a source, or a source added
// to the import graph of one that changed, makes the next command build anew.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** esbuild plugin: bare imports stay imports, except this repository's own `@xinxue/*` packages, which are bundled. */
export const npmPackagesStayImports = {
  name: 'npm-packages-stay-imports',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@xinxue/') ? undefined : { path: args.path, external: true }));
  },
};

/** Older builds are removed once this old: a command still running from one has long finished. */
const KEEP_MS = 60 * 60 * 1000;

/**
 * The file URL of the bundle of `root`/src/cli/main.ts (the server package by default), built if
 * needed; undefined if it cannot be built there.
 */
export async function cliEntry(root = SERVER) {
  const cache = path.join(root, '.cache', 'cli');
  const current = readCurrent(cache);
  if (current && isFresh(root, cache, current)) return pathToFileURL(path.join(cache, current.dir, 'main.js')).href;
  try {
    return await build(root, cache);
  } catch {
    return undefined;
  }
}

function readCurrent(cache) {
  try {
    return JSON.parse(readFileSync(path.join(cache, 'current.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function isFresh(root, cache, current) {
  if (!existsSync(path.join(cache, current.dir, 'main.js'))) return false;
  for (const [file, [size, mtimeMs]] of Object.entries(current.inputs)) {
    try {
      const s = statSync(path.join(root, file));
      if (s.size !== size || s.mtimeMs !== mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return true;
}

async function build(root, cache) {
  const { build: esbuild } = await import('esbuild');
  // A folder of its own per build: two commands building at once never write the same files, and a
  // command still running from an older build keeps its chunks.
  const dir = `b-${Date.now()}-${process.pid}`;
  const out = path.join(cache, dir);
  mkdirSync(cache, { recursive: true });
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'silent',
    plugins: [npmPackagesStayImports],
  });
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const s = statSync(path.join(root, input));
    inputs[input] = [s.size, s.mtimeMs];
  }
  const temp = path.join(cache, `${dir}.json`);
  writeFileSync(temp, JSON.stringify({ dir, inputs }));
  renameSync(temp, path.join(cache, 'current.json'));
  removeOldBuilds(cache, dir);
  return pathToFileURL(path.join(out, 'main.js')).href;
}

function removeOldBuilds(cache, keep) {
  for (const name of readdirSync(cache)) {
    if (name === keep || name === 'current.json') continue;
    const file = path.join(cache, name);
    try {
      if (Date.now() - statSync(file).mtimeMs > KEEP_MS) rmSync(file, { recursive: true, force: true });
    } catch {
      // Another command removed it first.
    }
  }
}
