import { checkUscc, cleanText, divisionLevelOf, industries, type IndustryCode, industryCodes, isWithinScope, type NewOrgKind, normalizeHeader, parseDateValue, toDivisionCode12 } from '@xinxue/domain';
import { createHash } from 'node:crypto';
import type { DivisionResolver } from '../divisions/division-resolver.ts';

/**
 * The columns of the market-regulation (enterprises) and civil-affairs (social organizations)
 * registers, the header names those exports use, and how one row becomes a registry record.
 */
export const newOrgImportSources = ['marketRegulation', 'civilAffairs'] as const;
export type NewOrgImportSource = (typeof newOrgImportSources)[number];
export const newOrgImportSourceLabels: Record<NewOrgImportSource, string> = { marketRegulation: '市场监管部门（企业名录）', civilAffairs: '民政部门（社会组织名录）' };
/** What a register lists when a row does not say. */
const defaultKind: Record<NewOrgImportSource, NewOrgKind> = { marketRegulation: 'enterprise', civilAffairs: 'socialOrg' };

/**
 * The `imports.source` of a registry import. The ledger also has a `civilAffairs` source, so the
 * registry's are prefixed: the ledger's import list and status filter on their own sources.
 */
export const importSourceKey = (source: NewOrgImportSource) => `newOrgs.${source}`;
export const sourceFromKey = (key: string): NewOrgImportSource | null => {
  const s = key.startsWith('newOrgs.') ? key.slice(8) : '';
  return (newOrgImportSources as readonly string[]).includes(s) ? (s as NewOrgImportSource) : null;
};

export const newOrgFields = {
  uscc: { label: '统一社会信用代码', synonyms: ['统一社会信用代码', '信用代码', '社会信用代码', '统一代码', '统一社会信用代码/注册号'] },
  name: { label: '名称', synonyms: ['企业名称', '单位名称', '社会组织名称', '名称', '组织名称', '机构名称', '企业(机构)名称', '市场主体名称'] },
  kind: { label: '组织类别', synonyms: ['组织类别', '单位类别', '类别', '组织类型', '单位类型', '主体类型'] },
  industry: { label: '所属行业', synonyms: ['所属行业', '行业门类', '行业', '行业类别', '国民经济行业', '行业分类', '行业代码', '所属领域', '业务领域'] },
  division: { label: '所在地区', synonyms: ['所在地区', '行政区划代码', '区划代码', '行政区划', '所属区域', '所在区域', '所属乡镇', '所属乡镇(街道)', '乡镇(街道)', '所在乡镇', '管辖区域'] },
  address: { label: '住所', synonyms: ['住所', '地址', '注册地址', '经营场所', '办公地址', '住所(经营场所)', '单位地址', '登记地址'] },
  employees: { label: '从业人员', synonyms: ['从业人员', '职工人数', '从业人数', '从业人员数', '员工人数', '职工数', '从业人员(人)', '在职人数', '专职工作人员'] },
  partyMembers: { label: '党员人数', synonyms: ['党员人数', '党员数', '其中党员', '党员(人)', '党员', '从业人员中党员'] },
  registeredOn: { label: '成立日期', synonyms: ['成立日期', '登记日期', '注册日期', '成立时间', '登记时间'] },
  status: { label: '登记状态', synonyms: ['登记状态', '经营状态', '状态', '企业状态'] },
  deregisteredOn: { label: '注销日期', synonyms: ['注销日期', '注销时间', '吊销日期', '撤销日期'] },
} as const;
export type NewOrgField = keyof typeof newOrgFields;
const fieldNames = Object.keys(newOrgFields) as NewOrgField[];

const synonymIndex = new Map<string, NewOrgField>();
for (const field of fieldNames) for (const s of newOrgFields[field].synonyms) synonymIndex.set(normalizeHeader(s), field);

export function newOrgFieldFor(header: string): NewOrgField | null {
  return synonymIndex.get(normalizeHeader(header)) ?? null;
}

/** column index → field; the first column naming a field wins. */
export function guessNewOrgMapping(headers: readonly string[]): Map<NewOrgField, number> {
  const mapping = new Map<NewOrgField, number>();
  headers.forEach((h, i) => {
    const f = newOrgFieldFor(h);
    if (f && !mapping.has(f)) mapping.set(f, i);
  });
  return mapping;
}

/** A header row names at least three known columns, the name or the credit code among them. */
export function looksLikeNewOrgHeader(cells: readonly string[]): boolean {
  const fields = new Set(cells.map(newOrgFieldFor).filter(Boolean));
  return (fields.has('name') || fields.has('uscc')) && fields.size >= 3;
}

/** Columns a file must have. */
export function missingColumns(mapping: Map<NewOrgField, number>): string[] {
  const missing: string[] = [];
  for (const f of ['uscc', 'name', 'industry'] as const) if (!mapping.has(f)) missing.push(newOrgFields[f].label);
  if (!mapping.has('division') && !mapping.has('address')) missing.push('所在地区（或住所）');
  return missing;
}

// GB/T 4754-2017: the two-digit divisions (大类) of each section, for registers that give a code.
const SECTION_RANGES: [IndustryCode, number, number][] = [
  ['A', 1, 5], ['B', 6, 12], ['C', 13, 43], ['D', 44, 46], ['E', 47, 50], ['F', 51, 52], ['G', 53, 60], ['H', 61, 62], ['I', 63, 65], ['J', 66, 69],
  ['K', 70, 70], ['L', 71, 72], ['M', 73, 75], ['N', 76, 79], ['O', 80, 82], ['P', 83, 83], ['Q', 84, 85], ['R', 86, 90], ['S', 91, 96], ['T', 97, 97],
];
/** Short names and the civil-affairs fields of activity (社会组织的业务领域) as sections. */
const INDUSTRY_ALIASES: [string, IndustryCode][] = [
  ['农业', 'A'], ['林业', 'A'], ['畜牧', 'A'], ['渔业', 'A'], ['农业及农村发展', 'A'], ['采矿', 'B'], ['制造', 'C'], ['电力', 'D'], ['燃气', 'D'], ['供水', 'D'], ['建筑', 'E'],
  ['批发', 'F'], ['零售', 'F'], ['商贸', 'F'], ['交通运输', 'G'], ['物流', 'G'], ['仓储', 'G'], ['快递', 'G'], ['住宿', 'H'], ['餐饮', 'H'], ['软件', 'I'], ['信息技术', 'I'], ['互联网', 'I'],
  ['金融', 'J'], ['房地产', 'K'], ['物业', 'K'], ['商务服务', 'L'], ['租赁', 'L'], ['法律', 'L'], ['工商业服务', 'L'], ['科技研究', 'M'], ['科研', 'M'], ['技术服务', 'M'],
  ['生态环境', 'N'], ['环境', 'N'], ['居民服务', 'O'], ['家政', 'O'], ['维修', 'O'], ['教育', 'P'], ['培训', 'P'], ['卫生', 'Q'], ['医疗', 'Q'], ['养老', 'Q'], ['社会服务', 'Q'], ['社会工作', 'Q'],
  ['文化', 'R'], ['体育', 'R'], ['娱乐', 'R'], ['宗教', 'S'], ['职业及从业者组织', 'S'], ['社会团体', 'S'], ['其他', 'S'],
];

/**
 * Reads an industry as registers write it: a section letter ("C", "c"), a code ("C3311", "3311",
 * "13"), the section's name ("制造业", "C 制造业") or a common short name ("餐饮", "教育").
 */
export function parseIndustry(value: unknown): IndustryCode | null {
  const s = cleanText(value).replace(/\s+/g, '');
  if (!s) return null;
  const upper = s.toUpperCase();
  if (/^[A-T]$/.test(upper)) return upper as IndustryCode;
  const coded = /^([A-T])?(\d{2})\d{0,2}$/.exec(upper);
  if (coded) {
    const n = Number(coded[2]);
    const section = SECTION_RANGES.find(([, lo, hi]) => n >= lo && n <= hi)?.[0] ?? null;
    if (!section || (coded[1] && coded[1] !== section)) return null;
    return section;
  }
  const lead = /^([A-T])[^A-Z0-9]/.exec(upper);
  if (lead && industryCodes.includes(lead[1] as IndustryCode)) return lead[1] as IndustryCode;
  for (const code of industryCodes) if (s === industries[code] || s.includes(industries[code])) return code;
  for (const [alias, code] of INDUSTRY_ALIASES) if (s.includes(alias)) return code;
  return null;
}

/** 注销 / 吊销 / 撤销 mean the unit has gone; 存续, 在业, 开业 and the like that it is active. */
export function parseStatus(value: unknown): 'active' | 'deregistered' | null {
  const s = cleanText(value);
  if (!s) return null;
  if (/注销|吊销|撤销|歇业|迁出/.test(s)) return 'deregistered';
  if (/存续|在业|开业|正常|在营|登记|成立|运营/.test(s)) return 'active';
  return null;
}

export function parseKind(value: unknown): NewOrgKind | null {
  const s = cleanText(value);
  if (!s) return null;
  if (/社会组织|社会团体|社团|民办非企业|民非|社会服务机构|基金会|协会|商会/.test(s)) return 'socialOrg';
  if (/企业|公司|个体|合伙|非公/.test(s)) return 'enterprise';
  return null;
}

/** A whole number of people: "120", "120人", 120.0; null if it is not one. */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : null;
  const s = cleanText(value).replace(/[人名,，\s]/g, '');
  if (!s) return 0;
  if (!/^\d{1,7}(\.0+)?$/.test(s)) return null;
  return Number.parseInt(s, 10);
}

export interface NewOrgRecord {
  kind: NewOrgKind;
  name: string;
  uscc: string;
  industry: IndustryCode;
  divisionCode: string;
  address: string;
  employees: number;
  partyMembers: number;
  registeredOn: string | null;
  deregisteredOn: string | null;
}

export interface RowProblem {
  field: NewOrgField;
  message: string;
}

export interface RowContext {
  source: NewOrgImportSource;
  resolver: DivisionResolver;
  cityPrefix: string;
  scopePrefix: string;
  today: string;
}

/** Resolves a division given as a code (6/9/12 digits) or a name, inside the city. */
export function resolveDivision(text: string, resolver: DivisionResolver, cityPrefix: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (/^\d+$/.test(compact)) {
    const code12 = toDivisionCode12(compact);
    return code12 && resolver.known(code12) ? code12 : null;
  }
  return resolver.resolve(compact, cityPrefix);
}

/** Checks one row; every problem is reported with the field it belongs to. */
export function readNewOrgRow(cells: Partial<Record<NewOrgField, unknown>>, ctx: RowContext): { ok: true; record: NewOrgRecord } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (field: NewOrgField, message: string) => problems.push({ field, message });

  const name = cleanText(cells.name);
  if (!name) problem('name', '名称不能为空');
  else if (Array.from(name).length > 100) problem('name', '名称超过100个字');

  const usccRaw = cleanText(cells.uscc);
  let uscc = '';
  if (!usccRaw) problem('uscc', '统一社会信用代码不能为空');
  else {
    const checked = checkUscc(usccRaw);
    if (checked.ok) uscc = checked.value;
    else problem('uscc', `${checked.message}：${usccRaw}`);
  }

  let kind = defaultKind[ctx.source];
  if (cleanText(cells.kind)) {
    const k = parseKind(cells.kind);
    if (!k) problem('kind', `无法识别组织类别“${cleanText(cells.kind)}”（应为企业或社会组织）`);
    else kind = k;
  }

  const industryText = cleanText(cells.industry);
  const industry = parseIndustry(industryText);
  if (!industryText) problem('industry', '所属行业不能为空');
  else if (!industry) problem('industry', `无法识别所属行业“${industryText}”（填写门类字母A—T、行业代码或门类名称，如“C”“C3311”“制造业”）`);

  const address = cleanText(cells.address);
  const divisionText = cleanText(cells.division);
  let divisionCode: string | null = null;
  const divisionField: NewOrgField = divisionText ? 'division' : 'address';
  if (divisionText) {
    divisionCode = resolveDivision(divisionText, ctx.resolver, ctx.cityPrefix);
    // A name alone may be ambiguous or coarse; the address may say more.
    if (divisionCode && address && divisionLevelOf(divisionCode) !== 'village') {
      const fromAddress = ctx.resolver.resolve(address, divisionCode.slice(0, divisionLevelOf(divisionCode) === 'county' ? 6 : 9));
      if (fromAddress) divisionCode = fromAddress;
    }
    if (!divisionCode) problem('division', /^\d+$/.test(divisionText) ? `行政区划代码“${divisionText}”不存在` : `无法识别所在地区“${divisionText}”（应为本市的县（市、区）、乡镇（街道）或村（社区））`);
  } else if (address) {
    divisionCode = ctx.resolver.resolve(address, ctx.cityPrefix);
    if (!divisionCode) problem('address', `无法从住所“${address.slice(0, 30)}”确定所在地区，请补充“所在地区”列`);
  } else problem('division', '所在地区不能为空（或填写住所）');
  if (divisionCode) {
    if (!isWithinScope(divisionCode, ctx.cityPrefix)) problem(divisionField, '所在地区不在本市');
    else if (['province', 'prefecture'].includes(divisionLevelOf(divisionCode))) problem(divisionField, '所在地区须具体到县（市、区）或乡镇（街道）');
    else if (!isWithinScope(divisionCode, ctx.scopePrefix)) problem(divisionField, '所在地区不在您的管辖范围内');
  }

  const employees = parseCount(cells.employees);
  if (employees === null) problem('employees', `从业人员应为不小于0的整数：${cleanText(cells.employees)}`);
  const partyMembers = parseCount(cells.partyMembers);
  if (partyMembers === null) problem('partyMembers', `党员人数应为不小于0的整数：${cleanText(cells.partyMembers)}`);
  else if (employees !== null && partyMembers > employees) problem('partyMembers', `党员人数（${partyMembers}）不能多于从业人员（${employees}）`);

  const dateOf = (field: 'registeredOn' | 'deregisteredOn'): string | null => {
    const raw = cells[field];
    if (raw === null || raw === undefined || cleanText(raw) === '') return null;
    const date = parseDateValue(raw);
    if (!date) problem(field, `${newOrgFields[field].label}无法识别：${cleanText(raw)}`);
    else if (date > ctx.today) problem(field, `${newOrgFields[field].label}不能晚于今天：${date}`);
    return date;
  };
  const registeredOn = dateOf('registeredOn');
  let deregisteredOn = dateOf('deregisteredOn');
  const status = parseStatus(cells.status);
  if (cleanText(cells.status) && !status) problem('status', `无法识别登记状态“${cleanText(cells.status)}”`);
  if (status === 'deregistered' && !deregisteredOn && !problems.some((p) => p.field === 'deregisteredOn')) problem('deregisteredOn', '登记状态为注销（吊销），须填写注销日期');
  if (status === 'active') deregisteredOn = null;
  if (registeredOn && deregisteredOn && deregisteredOn < registeredOn) problem('deregisteredOn', '注销日期早于成立日期');

  if (problems.length) return { ok: false, problems };
  return { ok: true, record: { kind, name, uscc, industry: industry!, divisionCode: divisionCode!, address, employees: employees!, partyMembers: partyMembers!, registeredOn, deregisteredOn } };
}

/** What re-imports compare: the same values give the same fingerprint, so nothing is written. */
export function fingerprintOf(r: NewOrgRecord): string {
  return createHash('sha256')
    .update(JSON.stringify([r.kind, r.name, r.uscc, r.industry, r.divisionCode, r.address, r.employees, r.partyMembers, r.registeredOn, r.deregisteredOn]))
    .digest('hex')
    .slice(0, 32);
}
