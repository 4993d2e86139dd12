import type { Formation, HostKind, OrgKind, OrgStatus } from '@xinxue/domain';
import dayjs, { type Dayjs } from 'dayjs';

/** Tag colours shared by the tree, the lists and the organization page. */
export const kindColors: Record<OrgKind, string> = { committee: 'red', generalBranch: 'orange', branch: 'gold' };
export const formationColors: Record<Formation, string> = { standalone: 'blue', joint: 'purple', attached: 'cyan' };
export const statusColors: Record<OrgStatus, string> = { active: 'green', merged: 'default', dissolved: 'default' };
export const hostColors: Record<HostKind, string> = {
  organ: 'default', village: 'green', community: 'lime', enterprise: 'geekblue', socialOrg: 'magenta', mobileOrg: 'volcano', microOrg: 'gold',
};

/** Hosts whose organizations cover enterprises or social organizations (两新组织). */
export const coveringHosts: readonly HostKind[] = ['organ', 'village', 'community', 'enterprise', 'socialOrg'];

/** A date picker's value as the API wants it. */
export const isoDate = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/** Dates after today, or before `from`, cannot be picked. */
export const notFuture = (from?: string | null) => (d: Dayjs) => d.isAfter(dayjs(), 'day') || (!!from && d.isBefore(dayjs(from), 'day'));
