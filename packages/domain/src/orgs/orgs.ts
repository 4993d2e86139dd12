/**
 * Party organizations and the "new organizations" (两新组织) they cover: the code lists and the
 * unified social credit code check. Pure; the server, the imports and the forms share it.
 */

/** 党委 / 党总支 / 党支部. */
export const orgKinds = ['committee', 'generalBranch', 'branch'] as const;
export type OrgKind = (typeof orgKinds)[number];
export const orgKindLabels: Record<OrgKind, string> = { committee: '党委', generalBranch: '党总支', branch: '党支部' };

/** What the organization is set up in (its host). */
export const hostKinds = ['organ', 'village', 'community', 'enterprise', 'socialOrg', 'mobileOrg', 'microOrg'] as const;
export type HostKind = (typeof hostKinds)[number];
export const hostKindLabels: Record<HostKind, string> = {
  organ: '机关事业单位',
  village: '村',
  community: '社区',
  enterprise: '非公企业',
  socialOrg: '社会组织',
  mobileOrg: '市外流动党组织',
  microOrg: '微组织',
};

/** 单设 / 联合 / 挂靠. */
export const formations = ['standalone', 'joint', 'attached'] as const;
export type Formation = (typeof formations)[number];
export const formationLabels: Record<Formation, string> = { standalone: '单独组建', joint: '联合组建', attached: '挂靠组建' };

export const orgStatuses = ['active', 'merged', 'dissolved'] as const;
export type OrgStatus = (typeof orgStatuses)[number];
export const orgStatusLabels: Record<OrgStatus, string> = { active: '正常', merged: '已合并', dissolved: '已撤销' };

/** The dated events of an organization's history; never deleted. */
export const orgEventKinds = ['setUp', 'changed', 'coverageChanged', 'mayDevelopDecided', 'merged', 'absorbed', 'dissolved'] as const;
export type OrgEventKind = (typeof orgEventKinds)[number];
export const orgEventKindLabels: Record<OrgEventKind, string> = {
  setUp: '成立',
  changed: '信息变更',
  coverageChanged: '覆盖单位变更',
  mayDevelopDecided: '发展党员资格认定',
  merged: '并入其他党组织',
  absorbed: '合并其他党组织',
  dissolved: '撤销',
};

export const memberships = ['full', 'probationary'] as const;
export type Membership = (typeof memberships)[number];
export const membershipLabels: Record<Membership, string> = { full: '正式党员', probationary: '预备党员' };

export const orgMemberRoles = ['secretary', 'deputySecretary', 'committeeMember', 'member'] as const;
export type OrgMemberRole = (typeof orgMemberRoles)[number];
export const orgMemberRoleLabels: Record<OrgMemberRole, string> = { secretary: '书记', deputySecretary: '副书记', committeeMember: '委员', member: '党员' };

/** 两新组织: non-public enterprise or social organization. */
export const newOrgKinds = ['enterprise', 'socialOrg'] as const;
export type NewOrgKind = (typeof newOrgKinds)[number];
export const newOrgKindLabels: Record<NewOrgKind, string> = { enterprise: '非公企业', socialOrg: '社会组织' };

/** Where a registry list comes from. */
export const newOrgSources = ['marketRegulation', 'civilAffairs', 'manual'] as const;
export type NewOrgSource = (typeof newOrgSources)[number];
export const newOrgSourceLabels: Record<NewOrgSource, string> = { marketRegulation: '市场监管部门', civilAffairs: '民政部门', manual: '手工录入' };

/** GB/T 4754-2017 industry sections (门类). */
export const industries = {
  A: '农、林、牧、渔业', B: '采矿业', C: '制造业', D: '电力、热力、燃气及水生产和供应业', E: '建筑业',
  F: '批发和零售业', G: '交通运输、仓储和邮政业', H: '住宿和餐饮业', I: '信息传输、软件和信息技术服务业',
  J: '金融业', K: '房地产业', L: '租赁和商务服务业', M: '科学研究和技术服务业', N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业', P: '教育', Q: '卫生和社会工作', R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织', T: '国际组织',
} as const;
export type IndustryCode = keyof typeof industries;
export const industryCodes = Object.keys(industries) as IndustryCode[];

/** Size bands by number of employees, for the blank-spot breakdown. */
export const sizeBands = [
  { key: 'micro', label: '10人以下', min: 0, max: 9 },
  { key: 'small', label: '10—49人', min: 10, max: 49 },
  { key: 'medium', label: '50—99人', min: 50, max: 99 },
  { key: 'large', label: '100—299人', min: 100, max: 299 },
  { key: 'huge', label: '300人及以上', min: 300, max: Number.MAX_SAFE_INTEGER },
] as const;
export type SizeBand = (typeof sizeBands)[number]['key'];
export function sizeBandOf(employees: number): SizeBand {
  return (sizeBands.find((b) => employees >= b.min && employees <= b.max) ?? sizeBands[0]).key;
}

/**
 * What a blank spot needs next, by the party members among its staff (《党章》: three or more full
 * members may form a branch; fewer join a joint or attached organization).
 */
export type BlankSpotAdvice = 'standalone' | 'jointOrAttached' | 'instructor';
export const blankSpotAdviceLabels: Record<BlankSpotAdvice, string> = {
  standalone: '党员3名以上，可单独组建',
  jointOrAttached: '党员不足3名，宜联合或挂靠组建',
  instructor: '暂无党员，宜选派党建指导员',
};
export function blankSpotAdvice(partyMembers: number): BlankSpotAdvice {
  if (partyMembers >= 3) return 'standalone';
  if (partyMembers >= 1) return 'jointOrAttached';
  return 'instructor';
}

/** 微组织: by shared interest, trade or proximity. */
export const microOrgKinds = ['interest', 'trade', 'proximity'] as const;
export type MicroOrgKind = (typeof microOrgKinds)[number];
export const microOrgKindLabels: Record<MicroOrgKind, string> = { interest: '兴趣相投', trade: '行业相近', proximity: '地域相邻' };

export const microActivityKinds = ['study', 'service', 'mutualAid', 'culture', 'visit', 'other'] as const;
export type MicroActivityKind = (typeof microActivityKinds)[number];
export const microActivityKindLabels: Record<MicroActivityKind, string> = {
  study: '学习交流', service: '志愿服务', mutualAid: '互帮互助', culture: '文体活动', visit: '走访慰问', other: '其他',
};

// GB 32100-2015: 18 characters from a 31-character alphabet (no I, O, Z, S, V); the last is a check.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a unified social credit code, or null if they are not valid characters. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type UsccProblem = 'length' | 'characters' | 'checkDigit';
export const usccProblemMessages: Record<UsccProblem, string> = {
  length: '统一社会信用代码须为18位',
  characters: '统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）',
  checkDigit: '统一社会信用代码校验位不正确',
};

/** Normalises (trim, upper-case, full-width to half-width) and checks a unified social credit code. */
export function checkUscc(raw: string): { ok: true; value: string } | { ok: false; problem: UsccProblem; message: string } {
  const value = raw.trim().replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toUpperCase();
  const fail = (problem: UsccProblem) => ({ ok: false as const, problem, message: usccProblemMessages[problem] });
  if (value.length !== 18) return fail('length');
  if ([...value].some((c) => !USCC_ALPHABET.includes(c))) return fail('characters');
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) return fail('checkDigit');
  return { ok: true, value };
}

/** Completes 17 characters with their check character (for synthetic data and tests). */
export function withUsccCheck(first17: string): string {
  const check = usccCheckChar(first17);
  if (!check) throw new Error(`invalid USCC body ${first17}`);
  return first17 + check;
}

/**
 * How a destination of the city's outbound people is served by mobile organizations outside the
 * city: none there at all, one there that serves only some of the people's home areas, or served.
 */
export const mobileCoverageKinds = ['noOrg', 'partial', 'served'] as const;
export type MobileCoverage = (typeof mobileCoverageKinds)[number];
export const mobileCoverageLabels: Record<MobileCoverage, string> = { noOrg: '无流动党组织', partial: '部分原籍地未覆盖', served: '已覆盖' };
