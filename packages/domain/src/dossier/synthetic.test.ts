import { describe, expect, it } from 'vitest';
import { auditDossierFile } from './auditor.ts';
import { readDossierFile } from './reader.ts';
import { defects } from './synthetic-defects.ts';
import { generateDossiers } from './synthetic.ts';

/** The generator the benchmark uses: clean dossiers stay clean, seeded defects are caught by id. */
describe('synthetic dossiers', () => {
  const asOf = '2026-11-27';
  const { file, seeded } = generateDossiers({ count: 3000, seed: 20261127, asOf });
  const result = auditDossierFile(file, { asOf });

  it('writes valid xinxue-dossier/1', () => {
    const read = readDossierFile(JSON.parse(JSON.stringify(file)));
    expect(read.ok ? [] : read.errors.slice(0, 5)).toEqual([]);
  });

  it('is deterministic for a seed', () => {
    expect(generateDossiers({ count: 50, seed: 7, asOf }).file).toEqual(generateDossiers({ count: 50, seed: 7, asOf }).file);
  });

  it('gives a clean dossier no BLOCK or WARN', () => {
    const dirty = result.results
      .filter((r) => !seeded.has(r.dossier))
      .flatMap((r) => r.findings.filter((f) => f.severity !== 'INFO').map((f) => `${r.dossier} ${f.rule}: ${f.message}`));
    expect(dirty.slice(0, 10)).toEqual([]);
    expect(result.results.length - seeded.size).toBeGreaterThan(1500);
  });

  it('catches each seeded defect by its rule id', () => {
    const missed = result.results
      .filter((r) => seeded.has(r.dossier))
      .filter((r) => !r.findings.some((f) => f.rule === seeded.get(r.dossier) && f.severity !== 'INFO'))
      .map((r) => `${r.dossier} ${seeded.get(r.dossier)}`);
    expect(missed).toEqual([]);
  });

  it('seeds every kind of defect and covers every stage', () => {
    expect(new Set(seeded.values())).toEqual(new Set(defects.map((d) => d.rule)));
    const stages = new Set(file.dossiers.map((d) => (d.archivedOn ? 'archived' : d.approval ? 'probation' : d.candidate ? 'candidate' : d.activist ? 'activist' : 'applicant')));
    expect([...stages].sort()).toEqual(['activist', 'applicant', 'archived', 'candidate', 'probation']);
  });
});
