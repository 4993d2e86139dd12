/**
 * The database of outstanding people (优秀分子数据库) and cultivation targets (重点培养对象):
 * how a person was found, how they are followed up, and when a follow-up is overdue.
 */
export const foundVia = ['grid', 'outboundBranch', 'service', 'microOrg', 'other'] as const;
export type FoundVia = (typeof foundVia)[number];
export const foundViaLabels: Record<FoundVia, string> = {
  grid: '城乡网格中发现',
  outboundBranch: '外出流动党员党支部推荐',
  service: '在服务中发现',
  microOrg: '微组织活动中发现',
  other: '其他途径',
};

export const contactChannels = ['phone', 'wechat', 'qq', 'sms', 'visit', 'meeting'] as const;
export type ContactChannel = (typeof contactChannels)[number];
export const contactChannelLabels: Record<ContactChannel, string> = {
  phone: '电话',
  wechat: '微信',
  qq: 'QQ',
  sms: '短信',
  visit: '走访',
  meeting: '座谈',
};

export const MIN_CADENCE_DAYS = 7;
export const MAX_CADENCE_DAYS = 180;
/** Outbound youth: 外出青年 of the 《外出青年重点培养对象信息库》, here up to 35 years old. */
export const YOUTH_MAX_AGE = 35;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** When the next contact is due, and how many days it is overdue (0 if not). */
export function followUpStatus(lastContactOn: string | null, startedOn: string, cadenceDays: number, today: string): { nextDueOn: string; overdueDays: number } {
  const nextDueOn = addDays(lastContactOn ?? startedOn, cadenceDays);
  const overdueDays = Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${nextDueOn}T00:00:00Z`)) / 86_400_000));
  return { nextDueOn, overdueDays };
}
