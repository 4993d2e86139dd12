import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services.ts';
import { createTestServices, type TestDatabase } from '../../testing/harness.ts';

describe('division names', () => {
  let services: Services;
  let database: TestDatabase;
  beforeAll(async () => {
    ({ services, database } = await createTestServices());
  });
  afterAll(async () => database?.close());

  it('names known codes, leaves unknown ones out, and answers the same when asked again', async () => {
    const codes = ['420506000000', '420502000000', '999999999999'];
    const first = await services.divisions.names(codes);
    expect(Object.fromEntries(first)).toEqual({ '420506000000': '夷陵区', '420502000000': '西陵区' });
    // Partly known now: the known one comes from memory, the new one from the table.
    const second = await services.divisions.names(['420506000000', '420500000000', '999999999999']);
    expect(Object.fromEntries(second)).toEqual({ '420506000000': '夷陵区', '420500000000': '宜昌市' });
  });
});
