import type { APIRequestContext } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from './ui.ts';

/** Signs in through the API (no second factor for business roles) and returns the CSRF header to send. */
export async function apiLogin(api: APIRequestContext, username: string): Promise<Record<string, string>> {
  const res = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return { 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
}

/**
 * Imports a CSV as one source through the API, as a user would on the import page, waits for the
 * job to finish and returns it; the caller checks how many people it created.
 */
export async function importCsv(api: APIRequestContext, headers: Record<string, string>, source: string, csv: string): Promise<{ status: string; created: number }> {
  const preview = await api.post(`/api/imports/preview?source=${source}`, { headers, multipart: { file: { name: `${source}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) } } });
  expect(preview.status(), await preview.text()).toBe(200);
  const { uploadId } = (await preview.json()) as { uploadId: string };
  const started = await api.post('/api/imports', { headers, data: { uploadId, source } });
  expect(started.status(), await started.text()).toBe(200);
  const { importId } = (await started.json()) as { importId: number };
  for (let i = 0; i < 300; i++) {
    const job = (await (await api.get(`/api/imports/${importId}`)).json()) as { status: string; created: number };
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`导入任务 ${importId} 在 30 秒内没有结束`);
}

/** The ids of the people in an area, by name. */
export async function peopleByName(api: APIRequestContext, within: string): Promise<Record<string, number>> {
  const res = await api.get(`/api/people?within=${within}&pageSize=100`);
  expect(res.status(), await res.text()).toBe(200);
  const list = (await res.json()) as { items: { id: number; name: string }[] };
  return Object.fromEntries(list.items.map((p) => [p.name, p.id]));
}
