import type { Plugin } from 'esbuild';

/** See cli-bundle.js. */
export function cliEntry(root?: string): Promise<string | undefined>;
export const npmPackagesStayImports: Plugin;
