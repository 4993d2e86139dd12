import { loadConfig } from '../config.ts';
import { openServices } from '../runtime.ts';
import type { Services } from '../services.ts';

/** Runs a command with the configured services and always closes the database. */
export async function withServices<T>(fn: (services: Services) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const services = await openServices(loadConfig(), options);
  try {
    return await fn(services);
  } finally {
    await services.database.close();
  }
}
