import path from 'node:path';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createFieldCrypto, loadOrCreateMasterKey } from './lib/crypto.ts';
import { createServices, type Services } from './services.ts';

/** Opens the configured database, migrates it, loads the key: what both the server and the CLI do first. */
export async function openServices(config: Config, options: { migrate?: boolean } = {}): Promise<Services> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'xinxue.sqlite') });
  if (options.migrate ?? true) await migrateToLatest(database.db);
  const crypto = createFieldCrypto(loadOrCreateMasterKey({ keyBase64: config.keyBase64, keyFile: config.keyFile }));
  return createServices(database, crypto, config);
}
