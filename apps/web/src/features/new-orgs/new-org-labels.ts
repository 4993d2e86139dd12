import { type BlankSpotAdvice, type Formation, industries, industryCodes, type NewOrgKind, newOrgKindLabels, newOrgKinds, sizeBands } from '@xinxue/domain';
import dayjs, { type Dayjs } from 'dayjs';

export const kindOptions = newOrgKinds.map((k) => ({ value: k, label: newOrgKindLabels[k] }));
export const industryOptions = industryCodes.map((c) => ({ value: c, label: `${c} ${industries[c]}` }));
export const sizeBandOptions = sizeBands.map((b) => ({ value: b.key, label: b.label }));
export const coveredOptions = [
  { value: 'true', label: '已建立党组织' },
  { value: 'false', label: '空白点（未覆盖）' },
];
export const statusOptions = [
  { value: 'active', label: '在册' },
  { value: 'deregistered', label: '已注销' },
  { value: 'all', label: '全部' },
];
export const adviceColors: Record<BlankSpotAdvice, string> = { standalone: 'red', jointOrAttached: 'orange', instructor: 'default' };
export const formationColors: Record<Formation, string> = { standalone: 'green', joint: 'blue', attached: 'purple' };

export const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
export const notFuture = () => (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** The division shared by all the codes: the village, else the township, else the county. */
export function commonDivision(codes: string[]): string {
  for (const length of [12, 9, 6, 4]) {
    const prefixes = new Set(codes.map((c) => c.slice(0, length)));
    if (prefixes.size === 1) return [...prefixes][0]!.padEnd(12, '0');
  }
  return codes[0] ?? '';
}

/**
 * The organization tree's form, filled in for these units (built by the org-tree module):
 * /orgs/new?formation=joint&newOrgIds=1,2&hostKind=enterprise&divisionCode=….
 */
export function setUpOrgLink(input: { formation: Formation; newOrgIds: number[]; hostKind: NewOrgKind; divisionCode: string }): string {
  return `/orgs/new?formation=${input.formation}&newOrgIds=${input.newOrgIds.join(',')}&hostKind=${input.hostKind}&divisionCode=${input.divisionCode}`;
}

/** What a single blank spot's "组建党组织" proposes: its own branch if it has three members, else a joint one. */
export function formationFor(advice: BlankSpotAdvice): Formation {
  return advice === 'standalone' ? 'standalone' : 'joint';
}
