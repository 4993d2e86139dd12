import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type AuditOutcome, AuditSession, DossierStreamSplitter } from '@xinxue/domain/dossier/index';
import type { CitySettings } from '@xinxue/domain/settings/index';
import type { AuditRequest } from './dossier-audit.service.ts';

/**
 * Audits a dossier file on disk without reading it whole: 4 MB at a time, each dossier parsed,
 * checked and judged as it arrives, only its findings kept. A file of 100,000 dossiers (about
 * 400 MB) so stays well under 1 GB of memory. Used by `xinxue audit` and the benchmark.
 */
const CHUNK = 4 * 1024 * 1024;

export function auditDossierPath(file: string, settings: CitySettings, request: AuditRequest, onBytes?: (done: number, total: number) => void): AuditOutcome {
  const session = new AuditSession({ asOf: request.asOf, settings, explain: request.explain ?? false });
  const splitter = new DossierStreamSplitter((value, _index, latest) => session.add(value, latest));
  const fd = openSync(file, 'r');
  try {
    const total = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(CHUNK);
    let done = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      // The splitter keeps references only to the bytes of an unfinished dossier, which it copies.
      splitter.push(buffer.subarray(0, n));
      done += n;
      onBytes?.(done, total);
    }
  } finally {
    closeSync(fd);
  }
  splitter.end();
  session.fileErrors(splitter.errors);
  return session.finish();
}
