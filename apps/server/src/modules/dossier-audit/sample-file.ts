import { exampleDossier } from '@xinxue/domain/rules/fixtures';

/**
 * Test support: a file with one defective and one clean dossier, shared by the HTTP and the CLI
 * tests so both judge the same input. The expected findings are fixed by the as-of date.
 */
export function sampleFile() {
  const bad = exampleDossier();
  bad.activist!.on = '2025-12-01';
  bad.activist!.filedOn = '2025-12-05';
  delete bad.recordedAt;
  const clean = { ...exampleDossier({ version: 'V2014' }), id: 'D-0002' };
  return { format: 'xinxue-dossier/1', dossiers: [bad, clean] };
}
