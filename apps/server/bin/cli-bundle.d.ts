/** See cli-bundle.js. */
export function cliEntry(root?: string): Promise<string | undefined>;
