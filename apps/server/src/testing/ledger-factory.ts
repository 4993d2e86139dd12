import type { FactSource, LedgerRecord } from '@xinxue/domain';
import type { Services } from '../services.ts';

/** People for tests, written through the same PersonWriter an import uses. */
export interface PersonInput extends Partial<LedgerRecord> {
  name: string;
  divisionCode: string;
  gridId?: number | null;
  source?: FactSource;
}

export async function addPerson(services: Services, input: PersonInput) {
  const { divisionCode, gridId = null, source = 'police', ...rest } = input;
  const record: LedgerRecord = {
    idNumber: null, gender: null, birthDate: null, ethnicity: null, education: null, politicalStatus: null, hukouAddress: null, direction: 'inbound',
    movedOn: '2024-03-01', destination: null, residenceAddress: null, community: null, grid: null, employer: null, workAddress: null, occupation: null,
    occupationGroup: null, phones: [], wechat: null, qq: null, ...rest,
  };
  const placement = { divisionCode, gridId, originCode: null, destinationCode: divisionCode, hukouCode: null, workCode: null, residenceCode: divisionCode };
  return services.database.db.transaction().execute((tx) => services.personWriter.apply(tx, record, placement, { source, importId: null, userId: null, now: new Date().toISOString() }));
}

/** Builds a multipart/form-data body with one file, for app.inject(). */
export function multipartFile(fileName: string, content: Buffer | string, field = 'file') {
  const boundary = `----xinxue${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${encodeURIComponent(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
