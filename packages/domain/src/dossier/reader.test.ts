import { describe, expect, it } from 'vitest';
import { exampleDossier } from '../rules/fixtures.ts';
import { idCheckChar, parseIdNumber } from '../idnumber/idnumber.ts';
import { type ReadResult, birthDateOfPlainIdNumber, readDossierFile, readDossierText } from './reader.ts';
import { seededRng } from './synthetic.ts';
import { writeDossierFile } from './writer.ts';
import type { DossierFile } from './format.ts';

const file = (...dossiers: unknown[]) => ({ format: 'xinxue-dossier/1', dossiers });
const errorsOf = (r: ReadResult) => (r.ok ? [] : r.errors);

describe('xinxue-dossier/1 reader', () => {
  it('reads a complete dossier and a minimal one', () => {
    expect(readDossierFile(file(exampleDossier(), { id: 'D-2', person: { name: '李四' } })).ok).toBe(true);
    expect(readDossierFile(file()).ok).toBe(true);
  });

  it('names the JSON path of an unknown field, at any depth', () => {
    const d = exampleDossier() as unknown as Record<string, unknown>;
    d.nickname = '小王';
    (d.admissionMeeting as Record<string, unknown>).chair = '张三';
    expect(errorsOf(readDossierFile(file(d)))).toEqual([
      { path: '$.dossiers[0].admissionMeeting.chair', message: '未知字段（格式中没有此字段）' },
      { path: '$.dossiers[0].nickname', message: '未知字段（格式中没有此字段）' },
    ]);
  });

  it('names the path of a wrong type, a bad date, a bad enum and a missing required field', () => {
    const d = exampleDossier() as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- deliberately malformed
    d.talk.on = '2024-02-30';
    d.admissionMeeting.yes = '17';
    d.activist.decidedBy = 'secretary';
    delete d.application.signed;
    d.notices[1].objections = null;
    const errors = errorsOf(readDossierFile(file(d)));
    expect(errors.map((e) => e.path)).toEqual([
      '$.dossiers[0].application.signed',
      '$.dossiers[0].talk.on',
      '$.dossiers[0].activist.decidedBy',
      '$.dossiers[0].notices[1].objections',
      '$.dossiers[0].admissionMeeting.yes',
    ]);
    expect(errors[0]!.message).toBe('缺少必填字段');
    expect(errors[1]!.message).toMatch(/不是有效日期/);
    expect(errors[2]!.message).toMatch(/应为以下之一：branchCommittee、branchMeeting、individual/);
    expect(errors[3]!.message).toMatch(/应为数组，实际为null/);
    expect(errors[4]!.message).toMatch(/应为整数，实际为字符串/);
  });

  it('refuses the whole file when any dossier has an error', () => {
    const r = readDossierFile(file(exampleDossier(), { id: 'D-2', person: {} }));
    expect(r.ok).toBe(false);
    expect(errorsOf(r)).toEqual([{ path: '$.dossiers[1].person.name', message: '缺少必填字段' }]);
  });

  it('checks the envelope', () => {
    expect(errorsOf(readDossierFile({ format: 'xinxue-dossier/2', dossiers: [] }))[0]).toEqual({ path: '$.format', message: '应为 “xinxue-dossier/1”，实际为 "xinxue-dossier/2"' });
    expect(errorsOf(readDossierFile([]))[0]!.path).toBe('$');
    expect(errorsOf(readDossierText('{"format": '))[0]!.message).toMatch(/不是有效的 JSON/);
  });

  it('checks duplicate ids, the ID number and its agreement with the birth date', () => {
    const a = exampleDossier();
    const b = exampleDossier();
    b.person.birthDate = '1997-03-16';
    const c = { ...exampleDossier(), id: 'D-3', person: { name: '王五', idNumber: '420506199703151231' } };
    expect(errorsOf(readDossierFile(file(a, b, c)))).toEqual([
      { path: '$.dossiers[1].id', message: '档案编号 “D-0001” 与 $.dossiers[0] 重复' },
      { path: '$.dossiers[1].person.birthDate', message: '与公民身份号码中的出生日期 1997-03-15 不一致' },
      { path: '$.dossiers[2].person.idNumber', message: '公民身份号码校验码错误' },
    ]);
  });

  it('reads the usual ID numbers without parseIdNumber, exactly as it would', () => {
    const rng = seededRng(3);
    const digits = (n: number) => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');
    for (let i = 0; i < 20000; i++) {
      // Random prefixes and dates (invalid ones included), mostly right check characters, a few odd forms.
      const body = `${digits(6)}${rng.int(1890, 3005)}${String(rng.int(0, 13)).padStart(2, '0')}${String(rng.int(0, 32)).padStart(2, '0')}${digits(3)}`;
      const check = rng.chance(0.8) ? idCheckChar(body) : rng.pick(['0', '5', 'X', 'x', '１']);
      const id = rng.chance(0.95) ? body + check : ` ${body}${check}`;
      const parsed = parseIdNumber(id, '2999-12-31');
      const quick = birthDateOfPlainIdNumber(id);
      if (quick !== undefined) expect(parsed).toMatchObject({ ok: true, birthDate: quick });
      else if (parsed.ok && /^\d{17}[\dX]$/.test(id)) throw new Error(`${id} is plain and valid but was not read`);
    }
  });

  it('checks recordedAt keys and timestamps', () => {
    const a = exampleDossier();
    a.recordedAt = { 'activist.on': '2024-09-11 10:00' };
    const b = { ...exampleDossier(), id: 'D-2' };
    b.recordedAt = { 'notices[5].start': '2024-09-11T10:00:00+08:00', 'notices[0].start': '2026-06-01T08:00:00+08:00', 'talk.by': '2024-03-20T08:00:00+08:00' };
    expect(errorsOf(readDossierFile(file(a, b)))).toEqual([
      { path: '$.dossiers[0].recordedAt["activist.on"]', message: '“2024-09-11 10:00” 不是带时区的 ISO 8601 时间戳（如 2026-05-20T09:30:00+08:00）' },
      { path: '$.dossiers[1].recordedAt["notices[5].start"]', message: expect.stringMatching(/不是本档案中已填写的日期字段/) },
      { path: '$.dossiers[1].recordedAt["talk.by"]', message: expect.stringMatching(/不是本档案中已填写的日期字段/) },
    ]);
  });

  it('stops listing after 1000 errors and says so', () => {
    const r = readDossierFile(file(...Array.from({ length: 1200 }, (_, i) => ({ id: `D-${i}`, person: { name: '张三', gender: 'x' } }))));
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.errors.length, r.truncated]).toEqual([1000, true]);
  });
});

describe('xinxue-dossier/1 writer', () => {
  it('writes what it reads, losslessly, with keys in the format’s order', () => {
    const original = file(exampleDossier(), exampleDossier({ version: 'V2014', migrant: false }), { id: 'D-9', person: { name: '赵六' } });
    (original.dossiers[1] as { id: string }).id = 'D-0002';
    expect(readDossierFile(original).ok).toBe(true);
    const text = writeDossierFile(original as DossierFile);
    const again = readDossierText(text);
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.file).toEqual(original);
    expect(writeDossierFile(JSON.parse(text))).toBe(text);
    expect(Object.keys(JSON.parse(text).dossiers[0]).slice(0, 4)).toEqual(['id', 'person', 'org', 'application']);
  });
});
