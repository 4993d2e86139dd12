import { toHalfWidth, type Direction } from './normalize.ts';

/**
 * The fields a ledger import understands, the header names departments use for them, and the
 * per-source presets. A user can correct the mapping in the UI; it is saved per source and header.
 */
export const ledgerSources = ['police', 'familyPlanning', 'civilAffairs'] as const;
export type LedgerSource = (typeof ledgerSources)[number];
export const factSources = [...ledgerSources, 'gridWorker', 'self'] as const;
export type FactSource = (typeof factSources)[number];
export const sourceLabels: Record<FactSource, string> = {
  police: '公安',
  familyPlanning: '计生',
  civilAffairs: '民政',
  gridWorker: '网格员',
  self: '本人',
};

export interface ImportFieldDef {
  label: string;
  synonyms: readonly string[];
}

export const importFields = {
  name: { label: '姓名', synonyms: ['姓名', '名字', '人员姓名', '流动人员姓名'] },
  idNumber: { label: '公民身份号码', synonyms: ['公民身份号码', '身份证号', '身份证号码', '证件号码', '身份证', '证件号', '公民身份证号码'] },
  gender: { label: '性别', synonyms: ['性别'] },
  birthDate: { label: '出生日期', synonyms: ['出生日期', '出生年月', '生日', '出生年月日'] },
  ethnicity: { label: '民族', synonyms: ['民族'] },
  education: { label: '学历', synonyms: ['学历', '文化程度', '文化'] },
  politicalStatus: { label: '政治面貌', synonyms: ['政治面貌'] },
  hukouAddress: { label: '户籍地址', synonyms: ['户籍地址', '户籍地', '户口所在地', '户籍地详址', '户籍所在地', '户口地址', '户籍地址详址'] },
  direction: { label: '流动类型', synonyms: ['流动类型', '流向', '人员类型', '流动方向', '流动类别'] },
  movedOn: { label: '流动时间', synonyms: ['流动时间', '流入时间', '来本地时间', '登记日期', '流出时间', '外出时间', '来宜时间', '离开时间', '外出日期', '流入日期'] },
  destination: { label: '流出去向', synonyms: ['外出地', '外出地点', '去向', '务工地', '流出去向', '外出务工地', '流入地', '外出去向'] },
  residenceAddress: { label: '现住址', synonyms: ['现住址', '现居住地', '居住地址', '暂住地址', '现住地址', '居住地', '现居住地址'] },
  community: { label: '所属村（社区）', synonyms: ['所属社区', '村(居)委会', '社区', '村居', '所属村(社区)', '所属村居', '村(社区)', '所属村'] },
  grid: { label: '网格', synonyms: ['网格', '所属网格', '网格名称'] },
  employer: { label: '工作单位', synonyms: ['服务处所', '工作单位', '务工单位', '就业单位', '单位名称', '工作单位名称'] },
  workAddress: { label: '工作地址', synonyms: ['工作地址', '单位地址', '务工地址', '工作地点', '服务处所地址'] },
  occupation: { label: '职业', synonyms: ['职业', '从事职业', '工种', '职业类别'] },
  phone: { label: '联系电话', synonyms: ['联系电话', '联系方式', '手机号码', '手机', '电话', '手机号', '电话号码'] },
  wechat: { label: '微信', synonyms: ['微信', '微信号'] },
  qq: { label: 'QQ', synonyms: ['qq', 'qq号', 'qq号码'] },
} as const satisfies Record<string, ImportFieldDef>;

export type ImportField = keyof typeof importFields;
export const importFieldNames = Object.keys(importFields) as ImportField[];

/** What each source's export is about when a file does not say. */
export const sourcePresets: Record<LedgerSource, { label: string; defaultDirection: Direction }> = {
  police: { label: '公安流动人口登记', defaultDirection: 'inbound' },
  familyPlanning: { label: '计生流动人口信息', defaultDirection: 'inbound' },
  civilAffairs: { label: '民政外出务工人员', defaultDirection: 'outbound' },
};

/** Header text as compared: half-width, no spaces, no punctuation variants, lower case. */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[\s*:：]/g, '')
    .toLowerCase();
}

const synonymIndex = new Map<string, ImportField>();
for (const field of importFieldNames) {
  for (const synonym of importFields[field].synonyms) synonymIndex.set(normalizeHeader(synonym), field);
}

export function fieldForHeader(header: string): ImportField | null {
  return synonymIndex.get(normalizeHeader(header)) ?? null;
}

/** column index → field; columns the import ignores are absent. */
export type ColumnMapping = Record<number, ImportField>;

export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<ImportField>();
  headers.forEach((header, index) => {
    const field = fieldForHeader(header);
    if (field && !used.has(field)) {
      mapping[index] = field;
      used.add(field);
    }
  });
  return mapping;
}

/** A header row is one naming at least three known fields, 姓名 among them. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const fields = cells.map(fieldForHeader).filter(Boolean);
  return fields.includes('name') && fields.length >= 3;
}

/** Identifies a file layout, so a corrected mapping is reused for the next file of the same shape. */
export function headerKey(headers: readonly string[]): string {
  return headers.map(normalizeHeader).join('|');
}

/** Problems that make a mapping unusable, in Chinese. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const fields = Object.values(mapping);
  const problems: string[] = [];
  if (!fields.includes('name')) problems.push('没有“姓名”列');
  const counts = new Map<ImportField, number>();
  for (const f of fields) counts.set(f, (counts.get(f) ?? 0) + 1);
  for (const [f, n] of counts) if (n > 1) problems.push(`“${importFields[f].label}”对应了${n}列`);
  return problems;
}
