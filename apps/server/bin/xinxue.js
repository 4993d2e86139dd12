#!/usr/bin/env node
// The `xinxue` command. Its TypeScript sources run as one esbuild bundle, built on first use and
// again whenever a source changes (bin/cli-bundle.js): a command is ready in about half a second
// instead of the 1.5–2 s tsx spent transforming ~150 modules one by one. See decision 0001.
import { cliEntry } from './cli-bundle.js';

const entry = await cliEntry();
if (entry) await import(entry);
else {
  // No bundle could be written (a read-only install): the sources through tsx, only slower.
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
