import { type Dossier, dateFields, valueAtPath } from '@xinxue/domain/dossier/index';
import { engineView, type Pending } from '@xinxue/domain/pipeline/step-inputs';
import { genericDatePath } from '@xinxue/domain/pipeline/steps';

/**
 * The format's `recordedAt` (field path → when it was entered), written as steps are recorded so the
 * auditor (R-LATE-ENTRY) can see back-filling. A date keeps the stamp of the step that entered it;
 * a new or changed date gets the current time. Dates that are not events entered by the clerk are
 * left out: the identity comes from the ledger, a sponsor's discipline end lies outside the dossier,
 * and each document date repeats its step's date (it would be reported twice).
 *
 * Half-filled objects (the activist between steps 3 and 4, the confirmation between 22 and 24) live
 * in `pending`, which is not part of the format; their stamps wait there under `recordedAt` until
 * the object moves into the document, because the reader refuses a key naming an absent field.
 */
export type StampedPending = Pending & { recordedAt?: Record<string, string> };

const NOT_ENTRIES = ['person.', 'documents.', 'sponsors.discipline.', 'deferral.'];

/** ISO 8601 in China time (the format's timestamps carry their offset). */
export function chinaTimestamp(at = new Date()): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

function entryPaths(view: Dossier): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of dateFields(view)) if (!NOT_ENTRIES.some((p) => genericDatePath(f.path).startsWith(p))) out.set(f.path, f.value);
  return out;
}

/** The gate judges without the stamps: back-filling is for the auditor, not a reason to refuse a step. */
export function withoutRecordedAt(d: Dossier): Dossier {
  if (d.recordedAt === undefined) return d;
  const rest = { ...d };
  delete rest.recordedAt;
  return rest;
}

export function stampRecordedAt(
  before: { document: Dossier; pending: StampedPending },
  after: { document: Dossier; pending: StampedPending },
  now = chinaTimestamp(),
): { document: Dossier; pending: StampedPending } {
  const prior = { ...before.document.recordedAt, ...before.pending.recordedAt };
  const beforeView = engineView(withoutRecordedAt(before.document), before.pending);
  const afterView = engineView(withoutRecordedAt(after.document), after.pending);
  const inDocument: Record<string, string> = {};
  const inPending: Record<string, string> = {};
  const entries = entryPaths(afterView);
  for (const [path, value] of entries) {
    const unchanged = valueAtPath(beforeView, path) === value;
    // An unchanged date without a stamp came from an import that had none: no time is invented for it.
    const stamp = unchanged ? prior[path] : now;
    if (stamp === undefined) continue;
    if (typeof valueAtPath(after.document, path) === 'string') inDocument[path] = stamp;
    else inPending[path] = stamp;
  }
  // Stamps of an imported file for fields this walk leaves out (identity, documents…) are kept as they came.
  for (const [path, stamp] of Object.entries(before.document.recordedAt ?? {})) {
    if (!(path in inDocument) && typeof valueAtPath(after.document, path) === 'string' && !entries.has(path)) inDocument[path] = stamp;
  }
  const document = { ...after.document };
  delete document.recordedAt;
  const pending = { ...after.pending };
  delete pending.recordedAt;
  return {
    document: Object.keys(inDocument).length ? { ...document, recordedAt: inDocument } : document,
    pending: Object.keys(inPending).length ? { ...pending, recordedAt: inPending } : pending,
  };
}
