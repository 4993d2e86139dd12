import { checkUscc, cleanText, withUsccCheck, type Formation, formations, type HostKind, hostKinds, normalizeHeader, type OrgKind, orgKinds, parseDateValue, toDivisionCode12 } from '@xinxue/domain';
import type { DivisionResolver } from '../divisions/division-resolver.ts';

/**
 * The columns of an organization-tree export (the old system's list of 党组织), the header names
 * such exports use, and how one row is read. Reading only turns cells into values; whether the
 * organization may exist as described is decided by `OrgsService.create`/`change`.
 */

/** `imports.source` of an organization-tree import (the ledger and registry imports have theirs). */
export const ORG_IMPORT_SOURCE = 'orgs.tree';

export const orgImportFields = {
  name: { label: '党组织名称', synonyms: ['党组织名称', '组织名称', '党组织全称', '党组织', '名称'] },
  kind: { label: '类别', synonyms: ['类别', '党组织类别', '组织类别', '党组织级别', '组织级别'] },
  parent: { label: '上级党组织', synonyms: ['上级党组织', '上级党组织名称', '上级组织', '上级党委', '隶属党组织'] },
  division: { label: '所在行政区划', synonyms: ['所在行政区划', '行政区划', '所在区划', '行政区划代码', '区划代码', '所在地区', '所属区划'] },
  hostKind: { label: '组织类型', synonyms: ['组织类型', '党组织类型', '单位类型', '所在单位类型', '单位性质'] },
  formation: { label: '组建方式', synonyms: ['组建方式', '组建形式', '建立方式'] },
  attachedTo: { label: '挂靠党组织', synonyms: ['挂靠党组织', '挂靠党组织名称', '挂靠单位', '挂靠组织'] },
  covered: { label: '覆盖单位', synonyms: ['覆盖单位', '覆盖单位统一社会信用代码', '覆盖单位信用代码', '覆盖单位代码'] },
  establishedOn: { label: '成立日期', synonyms: ['成立日期', '成立时间', '建立日期', '组建日期'] },
  approvalPower: { label: '审批权', synonyms: ['审批权', '是否有审批权', '有无审批权', '审批发展党员权'] },
  located: { label: '驻在地', synonyms: ['驻在地', '驻在地区', '驻地'] },
  status: { label: '状态', synonyms: ['状态', '组织状态'] },
} as const;
export type OrgImportField = keyof typeof orgImportFields;
const fieldNames = Object.keys(orgImportFields) as OrgImportField[];

/** The service's error fields → the file's columns, so a refusal names the column it came from. */
export const serviceFieldColumns: Record<string, OrgImportField> = {
  name: 'name', kind: 'kind', parentId: 'parent', divisionCode: 'division', hostKind: 'hostKind', formation: 'formation', attachedToId: 'attachedTo',
  coveredNewOrgIds: 'covered', establishedOn: 'establishedOn', approvalPower: 'approvalPower', locatedDivisionCode: 'located', effectiveOn: 'establishedOn',
};

const synonymIndex = new Map<string, OrgImportField>();
for (const field of fieldNames) for (const s of orgImportFields[field].synonyms) synonymIndex.set(normalizeHeader(s), field);

export function orgFieldFor(header: string): OrgImportField | null {
  return synonymIndex.get(normalizeHeader(header)) ?? null;
}

/**
 * column index → field; the first column naming a field wins, except that a division column whose
 * header says 代码 wins over one with the name (our own export has both 所在区划 and 区划代码).
 */
export function guessOrgMapping(headers: readonly string[]): Map<OrgImportField, number> {
  const mapping = new Map<OrgImportField, number>();
  headers.forEach((h, i) => {
    const f = orgFieldFor(h);
    if (!f) return;
    if (!mapping.has(f) || (f === 'division' && h.includes('代码') && !headers[mapping.get(f)!]!.includes('代码'))) mapping.set(f, i);
  });
  return mapping;
}

/** A header row names the organization and at least two more known columns. */
export function looksLikeOrgHeader(cells: readonly string[]): boolean {
  const fields = new Set(cells.map(orgFieldFor).filter(Boolean));
  return fields.has('name') && fields.size >= 3;
}

export function missingOrgColumns(mapping: Map<OrgImportField, number>): string[] {
  return (['name', 'kind', 'division'] as const).filter((f) => !mapping.has(f)).map((f) => orgImportFields[f].label);
}

/** The template's columns, in order, with what to write in each (the 填写说明 sheet). */
export const templateColumns: { field: OrgImportField; note: string; example: string }[] = [
  { field: 'name', note: '必填。党组织全称；同一上级下不要重名', example: '中共宜昌市夷陵区小溪塔街道非公企业联合支部委员会' },
  { field: 'kind', note: '必填。党委、党总支或党支部', example: '党支部' },
  { field: 'parent', note: '上级党组织全称：本文件中的另一行，或系统中已有的党组织；顶层党组织留空。各行顺序不限', example: '中共宜昌市夷陵区小溪塔街道工作委员会' },
  { field: 'division', note: '必填。行政区划代码（如 420506001）或名称（如 夷陵区小溪塔街道）；市外流动党组织填其原籍地', example: '夷陵区小溪塔街道' },
  { field: 'hostKind', note: '机关事业单位、村、社区、非公企业、社会组织、市外流动党组织或微组织；留空为机关事业单位', example: '非公企业' },
  { field: 'formation', note: '单独、联合或挂靠；留空为单独', example: '联合' },
  { field: 'attachedTo', note: '挂靠组建时必填：所挂靠党组织的全称', example: '' },
  { field: 'covered', note: '覆盖的企业、社会组织的统一社会信用代码，多个用“、”或“;”分隔；单位须已在两新组织名录中', example: `${withUsccCheck('91420506MA4KXY123')}、${withUsccCheck('91420506MA4KXY456')}` },
  { field: 'establishedOn', note: '如 2023-05-01、2023年5月1日；留空为导入当天', example: '2023-05-01' },
  { field: 'approvalPower', note: '是或否（只有党委可以有审批权）；留空为否', example: '否' },
  { field: 'located', note: '市外流动党组织必填：所在的本市以外的市或县，如 深圳市、440300', example: '' },
];

export interface OrgRowRecord {
  name: string;
  kind: OrgKind;
  parentName: string | null;
  divisionCode: string;
  /** Null: the cell was empty (a new organization takes the default; an existing one keeps its value). */
  hostKind: HostKind | null;
  formation: Formation | null;
  attachedToName: string | null;
  /** Credit codes; null when the cell was empty (or the column absent). */
  covered: string[] | null;
  establishedOn: string | null;
  approvalPower: boolean | null;
  locatedDivisionCode: string | null;
}

export interface OrgRowProblem {
  field: OrgImportField;
  message: string;
}

/** Text without the spaces Excel users add inside names. */
const compact = (value: unknown) => cleanText(value).replace(/\s+/g, '');

function parseKind(text: string): OrgKind | null {
  if ((orgKinds as readonly string[]).includes(text)) return text as OrgKind;
  if (/总支/.test(text)) return 'generalBranch';
  if (/支部/.test(text)) return 'branch';
  if (/党委|党工委|委员会/.test(text)) return 'committee';
  return null;
}

function parseHostKind(text: string): HostKind | null {
  if ((hostKinds as readonly string[]).includes(text)) return text as HostKind;
  if (/微组织/.test(text)) return 'microOrg';
  if (/流动/.test(text)) return 'mobileOrg';
  if (/社会组织|社团|社会团体|民办非企业|民非|协会|商会|基金会/.test(text)) return 'socialOrg';
  if (/非公|企业|公司/.test(text)) return 'enterprise';
  if (/社区/.test(text)) return 'community';
  if (/^(行政)?村$|农村|村级/.test(text)) return 'village';
  if (/机关|事业/.test(text)) return 'organ';
  return null;
}

function parseFormation(text: string): Formation | null {
  if ((formations as readonly string[]).includes(text)) return text as Formation;
  if (/联合/.test(text)) return 'joint';
  if (/挂靠/.test(text)) return 'attached';
  if (/单独|单设|独立/.test(text)) return 'standalone';
  return null;
}

function parseYesNo(text: string): boolean | null {
  if (/^(是|有|y|yes|true|1|√)$/i.test(text)) return true;
  if (/^(否|无|没有|n|no|false|0|×)$/i.test(text)) return false;
  return null;
}

/** A division given as a 2–12 digit code or by name (names inside `within`; '' for anywhere in China). */
export function resolveDivisionText(text: string, resolver: DivisionResolver, within: string): string | null {
  if (/^\d+$/.test(text)) {
    const code12 = toDivisionCode12(text);
    return code12 ? resolver.known(code12) : null;
  }
  return resolver.resolve(text, within);
}

/** Splits the covered-units cell: credit codes separated by 、 ; ， , or line breaks. */
export function splitCodes(value: unknown): string[] {
  return cleanText(value)
    .split(/[、;；,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The name a row gives, even when other cells are wrong (a child naming it must know it was refused). */
export function rowName(cells: Partial<Record<OrgImportField, unknown>>): string {
  return compact(cells.name);
}

/** Reads one row; every problem is reported with the column it belongs to. */
export function readOrgRow(
  cells: Partial<Record<OrgImportField, unknown>>,
  ctx: { resolver: DivisionResolver; cityPrefix: string },
): { ok: true; record: OrgRowRecord } | { ok: false; problems: OrgRowProblem[] } {
  const problems: OrgRowProblem[] = [];
  const problem = (field: OrgImportField, message: string) => problems.push({ field, message });

  const name = rowName(cells);
  if (!name) problem('name', '党组织名称不能为空');

  const status = compact(cells.status);
  if (/撤销|合并|注销|撤消/.test(status)) problem('status', `状态为“${status}”：只导入现有的党组织，已撤销或已合并的请在系统中记入历史沿革`);

  const kindText = compact(cells.kind);
  const kind = kindText ? parseKind(kindText) : null;
  if (!kindText) problem('kind', '类别不能为空（党委、党总支或党支部）');
  else if (!kind) problem('kind', `无法识别类别“${kindText}”（应为党委、党总支或党支部）`);

  const divisionText = compact(cells.division);
  const divisionCode = divisionText ? resolveDivisionText(divisionText, ctx.resolver, ctx.cityPrefix) : null;
  if (!divisionText) problem('division', '所在行政区划不能为空');
  else if (!divisionCode) problem('division', /^\d+$/.test(divisionText) ? `行政区划代码“${divisionText}”不存在` : `无法识别所在行政区划“${divisionText}”（填写本市的区划名称或代码，如“夷陵区小溪塔街道”“420506001”）`);

  const hostText = compact(cells.hostKind);
  const hostKind = hostText ? parseHostKind(hostText) : null;
  if (hostText && !hostKind) problem('hostKind', `无法识别组织类型“${hostText}”（应为机关事业单位、村、社区、非公企业、社会组织、市外流动党组织或微组织）`);

  const formationText = compact(cells.formation);
  const formation = formationText ? parseFormation(formationText) : null;
  if (formationText && !formation) problem('formation', `无法识别组建方式“${formationText}”（应为单独、联合或挂靠）`);

  let covered: string[] | null = null;
  const codes = splitCodes(cells.covered);
  if (codes.length) {
    covered = [];
    for (const code of codes) {
      const checked = checkUscc(code);
      if (checked.ok) covered.push(checked.value);
      else problem('covered', `覆盖单位的统一社会信用代码“${code}”不正确：${checked.message}`);
    }
  }

  let establishedOn: string | null = null;
  if (cleanText(cells.establishedOn)) {
    establishedOn = parseDateValue(cells.establishedOn);
    if (!establishedOn) problem('establishedOn', `成立日期无法识别：${cleanText(cells.establishedOn)}`);
  }

  const approvalText = compact(cells.approvalPower);
  const approvalPower = approvalText ? parseYesNo(approvalText) : null;
  if (approvalText && approvalPower === null) problem('approvalPower', `审批权应填“是”或“否”：${approvalText}`);

  const locatedText = compact(cells.located);
  const locatedDivisionCode = locatedText ? resolveDivisionText(locatedText, ctx.resolver, '') : null;
  if (locatedText && !locatedDivisionCode) problem('located', `无法识别驻在地“${locatedText}”（填写本市以外的市或县的名称或代码，如“深圳市”“440300”）`);

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    record: {
      name, kind: kind!, parentName: compact(cells.parent) || null, divisionCode: divisionCode!, hostKind, formation, attachedToName: compact(cells.attachedTo) || null,
      covered, establishedOn, approvalPower, locatedDivisionCode,
    },
  };
}
