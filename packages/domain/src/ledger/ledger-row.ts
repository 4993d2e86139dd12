import { lookupCode } from '../codes/code-lists.ts';
import { parseIdNumber } from '../idnumber/idnumber.ts';
import { parsePhone } from '../phone/phone.ts';
import { importFields, type ImportField, type LedgerSource, sourcePresets } from './columns.ts';
import { cleanText, type Direction, parseDateValue, parseDirection, splitPhones } from './normalize.ts';

/** One validated ledger row: every value normalised, codes looked up, nothing resolved against the database yet. */
export interface LedgerRecord {
  name: string;
  idNumber: string | null;
  gender: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  education: string | null;
  politicalStatus: string | null;
  hukouAddress: string | null;
  direction: Direction;
  movedOn: string | null;
  destination: string | null;
  residenceAddress: string | null;
  community: string | null;
  grid: string | null;
  employer: string | null;
  workAddress: string | null;
  occupation: string | null;
  occupationGroup: string | null;
  phones: string[];
  wechat: string | null;
  qq: string | null;
}

export interface RowProblem {
  field: ImportField;
  message: string;
}

export type RowResult = { ok: true; record: LedgerRecord } | { ok: false; problems: RowProblem[] };

const NAME = /^[\p{Script=Han}A-Za-z·.\- ]{1,50}$/u;

/** Guesses the occupation's major group from free text; null when nothing fits. */
function occupationGroupOf(text: string): string | null {
  const direct = lookupCode('occupationGroup', text);
  if (direct) return direct;
  if (/工程师|技术员|教师|医生|护士|会计|设计/.test(text)) return '2';
  if (/经理|厂长|负责人|老板|董事/.test(text)) return '1';
  if (/文员|行政|办事员|秘书/.test(text)) return '3';
  if (/司机|快递|外卖|销售|营业员|服务员|厨师|保安|保洁|家政|美容|维修|物流|餐饮|导购|骑手/.test(text)) return '4';
  if (/种植|养殖|农|渔|林/.test(text)) return '5';
  if (/工人|操作工|电工|焊工|普工|装配|车工|钳工|建筑|木工|瓦工|钢筋|技工/.test(text)) return '6';
  return null;
}

type Cells = Partial<Record<ImportField, unknown>>;

// Module-level helpers rather than closures made per row: an import reads a million rows.
function textOf(cells: Cells, field: ImportField): string | null {
  const v = cleanText(cells[field]);
  return v === '' ? null : v;
}

function report(problems: RowProblem[], field: ImportField, message: string): void {
  problems.push({ field, message });
}

function codedOf(cells: Cells, field: ImportField, list: Parameters<typeof lookupCode>[0], problems: RowProblem[]): string | null {
  const raw = textOf(cells, field);
  if (!raw) return null;
  const code = lookupCode(list, raw);
  if (!code) problems.push({ field, message: `${importFields[field].label}“${raw}”不在国家标准代码表中` });
  return code;
}

/**
 * Validates and normalises one row. `cells` holds the raw values by field; `today` bounds dates.
 * Every problem names its field so the report can name the column.
 */
export function readLedgerRow(cells: Cells, source: LedgerSource, today: string): RowResult {
  const problems: RowProblem[] = [];

  const name = (textOf(cells, 'name') ?? '').replace(/\s+/g, '');
  if (!name) report(problems, 'name', '姓名为空');
  else if (!NAME.test(name)) report(problems, 'name', '姓名含有不允许的字符或超过50个字');

  let idNumber: string | null = null;
  let idBirth: string | null = null;
  let idGender: string | null = null;
  const rawId = textOf(cells, 'idNumber');
  if (rawId) {
    const id = parseIdNumber(rawId, today);
    if (id.ok) {
      idNumber = id.value;
      idBirth = id.birthDate;
      idGender = id.sex === 'male' ? '1' : '2';
    } else report(problems, 'idNumber', id.message);
  }

  let gender = idGender;
  const rawGender = textOf(cells, 'gender');
  if (rawGender) {
    const code = lookupCode('gender', rawGender);
    if (!code) report(problems, 'gender', `性别“${rawGender}”无法识别`);
    else if (idGender && code !== idGender) report(problems, 'gender', '性别与公民身份号码不一致');
    else gender = code;
  }

  let birthDate = idBirth;
  if (cells.birthDate !== undefined && textOf(cells, 'birthDate')) {
    const date = parseDateValue(cells.birthDate);
    if (!date) report(problems, 'birthDate', '出生日期无法识别（可写作 1990-03-07、1990年3月7日、19900307）');
    else if (date > today) report(problems, 'birthDate', '出生日期晚于今天');
    else if (idBirth && date !== idBirth) report(problems, 'birthDate', '出生日期与公民身份号码不一致');
    else birthDate = date;
  }

  const ethnicity = codedOf(cells, 'ethnicity', 'ethnicity', problems);
  const education = codedOf(cells, 'education', 'education', problems);
  const politicalStatus = codedOf(cells, 'politicalStatus', 'politicalStatus', problems);

  let direction = sourcePresets[source].defaultDirection;
  const rawDirection = textOf(cells, 'direction');
  if (rawDirection) {
    const d = parseDirection(rawDirection);
    if (!d) report(problems, 'direction', `流动类型“${rawDirection}”应为“流入”或“流出”`);
    else direction = d;
  }

  let movedOn: string | null = null;
  if (textOf(cells, 'movedOn')) {
    movedOn = parseDateValue(cells.movedOn);
    if (!movedOn) report(problems, 'movedOn', '流动时间无法识别（可写作 2023-05-01、2023.5.1、2023年5月1日、20230501）');
    else if (movedOn > today) {
      report(problems, 'movedOn', '流动时间晚于今天');
      movedOn = null;
    }
  }

  const phones: string[] = [];
  for (const raw of splitPhones(cells.phone)) {
    const phone = parsePhone(raw);
    if (phone.ok) phones.push(phone.value);
    else report(problems, 'phone', phone.message);
  }

  const qq = textOf(cells, 'qq');
  if (qq && !/^[1-9]\d{4,11}$/.test(qq)) report(problems, 'qq', 'QQ号应为5至12位数字');
  const occupation = textOf(cells, 'occupation');

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    record: {
      name,
      idNumber,
      gender,
      birthDate,
      ethnicity,
      education,
      politicalStatus,
      hukouAddress: textOf(cells, 'hukouAddress'),
      direction,
      movedOn,
      destination: textOf(cells, 'destination'),
      residenceAddress: textOf(cells, 'residenceAddress'),
      community: textOf(cells, 'community'),
      grid: textOf(cells, 'grid'),
      employer: textOf(cells, 'employer'),
      workAddress: textOf(cells, 'workAddress'),
      occupation,
      occupationGroup: occupation ? occupationGroupOf(occupation) : null,
      phones: [...new Set(phones)],
      wechat: textOf(cells, 'wechat'),
      qq,
    },
  };
}

/** A row with every cell empty is skipped, not reported. */
export function isBlankRow(values: readonly unknown[]): boolean {
  return values.every((v) => cleanText(v) === '');
}
