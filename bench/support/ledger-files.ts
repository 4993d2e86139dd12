import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { peopleGenerator, type SyntheticPerson } from '../../apps/server/src/demo/people-generator.ts';

/**
 * Three departments' exports of the same population: each source lists `perSource` people, and
 * about a third of each file are people another source also lists (same ID number), with their
 * own column names and values as that department writes them.
 */
export const SOURCES = ['police', 'familyPlanning', 'civilAffairs'] as const;

const HEADERS: Record<(typeof SOURCES)[number], string[]> = {
  police: ['姓名', '公民身份号码', '性别', '民族', '户籍地址', '现住址', '流入时间', '服务处所', '职业', '联系电话'],
  familyPlanning: ['姓名', '身份证号', '性别', '户口所在地', '现居住地', '来本地时间', '工作单位', '从事职业', '联系方式'],
  civilAffairs: ['姓名', '身份证号码', '户籍地', '流动类型', '外出时间', '外出地', '务工单位', '手机号码'],
};

function cells(source: (typeof SOURCES)[number], p: SyntheticPerson): (string | number)[] {
  switch (source) {
    case 'police':
      return [p.name, p.idNumber, p.gender, p.ethnicity, p.hukouAddress, p.residenceAddress || p.hukouAddress, p.movedOn, p.employer, p.occupation, p.phone];
    case 'familyPlanning':
      return [p.name, p.idNumber, p.gender, p.hukouAddress, p.residenceAddress || p.hukouAddress, p.movedOn.replace(/-/g, '.'), p.employer, p.occupation, p.phone];
    case 'civilAffairs':
      return [p.name, p.idNumber, p.hukouAddress, p.direction === 'inbound' ? '流入' : '流出', p.movedOn.replace(/-/g, ''), p.destination, p.employer, p.phone];
  }
}

function csvLine(values: readonly (string | number)[]): string {
  return values.map((v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',');
}

/** The people of each source: a third shared with the previous source, the rest its own. */
export function* sourcePeople(perSource: number, seed = 2026): Generator<{ source: (typeof SOURCES)[number]; person: SyntheticPerson }> {
  const generator = peopleGenerator(seed);
  const shared = Math.floor(perSource / 3);
  let previous: SyntheticPerson[] = [];
  for (const source of SOURCES) {
    const current: SyntheticPerson[] = [];
    for (let i = 0; i < perSource; i++) {
      const person = i < shared && previous[i] ? previous[i]! : generator.next();
      if (i < shared) current.push(person);
      yield { source, person };
    }
    previous = current;
  }
}

export async function writeSourceCsvs(dir: string, perSource: number): Promise<Record<(typeof SOURCES)[number], string>> {
  const files = Object.fromEntries(SOURCES.map((s) => [s, `${dir}/${s}.csv`])) as Record<(typeof SOURCES)[number], string>;
  const streams = Object.fromEntries(SOURCES.map((s) => [s, createWriteStream(files[s])])) as Record<(typeof SOURCES)[number], ReturnType<typeof createWriteStream>>;
  for (const s of SOURCES) streams[s].write(`\uFEFF${csvLine(HEADERS[s])}\r\n`);
  for (const { source, person } of sourcePeople(perSource)) {
    if (!streams[source].write(`${csvLine(cells(source, person))}\r\n`)) await once(streams[source], 'drain');
  }
  await Promise.all(SOURCES.map((s) => new Promise((resolve) => streams[s].end(resolve))));
  return files;
}

export async function writeXlsx(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('流动人口');
  sheet.addRow(HEADERS.police).commit();
  const generator = peopleGenerator(99);
  for (let i = 0; i < rows; i++) sheet.addRow(cells('police', generator.next())).commit();
  await workbook.commit();
}
