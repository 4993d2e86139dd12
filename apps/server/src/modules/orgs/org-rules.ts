import {
  type DivisionLevel,
  type Formation,
  formationLabels,
  type HostKind,
  hostKindLabels,
  membershipLabels,
  type Membership,
  type OrgEventKind,
  orgEventKindLabels,
  type OrgKind,
  orgKindLabels,
  orgMemberRoleLabels,
  type OrgMemberRole,
} from '@xinxue/domain';

/**
 * The organization tree's rules that need no database: paths, approval power (R-APPROVER), what a
 * formation demands of the covered units, and the Chinese sentence for each history event.
 */

/** One level of `party_orgs.path`: the id zero-padded to 10 digits. */
export function pathSegment(id: number): string {
  return String(id).padStart(10, '0');
}

export function childPath(parentPath: string | null, id: number): string {
  return (parentPath ?? '') + pathSegment(id);
}

/** True when `path` is `ancestorPath` itself or lies below it. */
export function isSameOrBelow(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/**
 * R-APPROVER: the approver is a 党委 with approval power; never a 党总支 or 党支部, nor a 基层党委
 * under a 乡镇（街道）党委. Returns why approval power is not allowed, or null.
 */
export function approvalPowerProblem(kind: OrgKind, parent: { kind: string; divisionLevel: DivisionLevel } | null): string | null {
  if (kind !== 'committee') return `${orgKindLabels[kind]}没有审批权，只有党委可以审批发展党员`;
  if (parent && parent.kind === 'committee' && parent.divisionLevel === 'township') {
    return '乡镇（街道）党委下属的基层党委没有审批权（《中国共产党发展党员工作细则》第二十二条）';
  }
  return null;
}

/** Which kinds may sit under a parent: nothing under a 党支部, only 党支部 under a 党总支. */
export function parentKindProblem(parentKind: string, childKind: OrgKind): string | null {
  if (parentKind === 'branch') return '党支部下不能再设党组织';
  if (parentKind === 'generalBranch' && childKind !== 'branch') return '党总支下只能设党支部';
  return null;
}

/** Hosts whose organizations cover enterprises or social organizations (两新组织) at all. */
export function mayCover(hostKind: HostKind): boolean {
  return hostKind !== 'mobileOrg' && hostKind !== 'microOrg';
}

/** What a formation demands of the number of covered units; null when satisfied. */
export function coverageCountProblem(formation: Formation, hostKind: HostKind, count: number): string | null {
  if (count > 0 && !mayCover(hostKind)) return `${hostKindLabels[hostKind]}不覆盖非公企业或社会组织，请不要选择覆盖单位`;
  if (formation === 'standalone' && count > 1) return `单独组建的党组织最多覆盖1个单位（现为${count}个），覆盖多个单位请选择联合组建`;
  if (formation === 'joint' && count < 2) return `联合组建须选择至少2个覆盖单位（现为${count}个）`;
  if (formation === 'attached' && count < 1 && (hostKind === 'enterprise' || hostKind === 'socialOrg')) {
    return `挂靠组建的${hostKindLabels[hostKind]}党组织须选择至少1个覆盖单位`;
  }
  return null;
}

/** A change of one field, as stored in an event's detail. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

const fieldLabels: Record<string, string> = {
  name: '名称',
  kind: '类别',
  parentId: '上级党组织',
  divisionCode: '所在区划',
  hostKind: '组织类型',
  formation: '组建方式',
  attachedToId: '挂靠单位',
  approvalPower: '审批权',
  locatedDivisionCode: '驻在地',
  establishedOn: '成立日期',
};

/** What each field's stored value reads as in Chinese; names resolves org ids and division codes. */
function valueText(field: string, value: unknown, names: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return '无';
  switch (field) {
    case 'kind':
      return orgKindLabels[value as OrgKind] ?? String(value);
    case 'hostKind':
      return hostKindLabels[value as HostKind] ?? String(value);
    case 'formation':
      return formationLabels[value as Formation] ?? String(value);
    case 'approvalPower':
      return value ? '有' : '无';
    case 'parentId':
    case 'attachedToId':
      return names.get(`org:${String(value)}`) ?? `党组织${String(value)}`;
    case 'divisionCode':
    case 'locatedDivisionCode':
      return names.get(`division:${String(value)}`) ?? String(value);
    default:
      return String(value);
  }
}

/** Event detail as stored (JSON in party_org_events.detail). */
export interface OrgEventDetail {
  reason?: string;
  changes?: Record<string, FieldChange>;
  /** coverageChanged / setUp: the new organizations added and removed (ids and names at the time). */
  added?: { id: number; name: string }[];
  removed?: { id: number; name: string }[];
  covered?: { id: number; name: string }[];
  /** merged / absorbed: the other organization. */
  into?: { id: number; name: string };
  from?: { id: number; name: string };
  /** mayDevelopDecided. */
  mayDevelop?: boolean;
  decidedBy?: string;
  /** Member changes recorded as `changed` events. */
  member?: { id: number; name: string; action: 'joined' | 'left' | 'changed'; membership?: Membership; role?: OrgMemberRole; changes?: Record<string, FieldChange> };
}

/** Org ids and division codes an event's detail mentions, so one query can name them all. */
export function referencedIds(detail: OrgEventDetail): { orgIds: number[]; divisionCodes: string[] } {
  const orgIds: number[] = [];
  const divisionCodes: string[] = [];
  for (const [field, change] of Object.entries(detail.changes ?? {})) {
    for (const v of [change.from, change.to]) {
      if (v === null || v === undefined) continue;
      if (field === 'parentId' || field === 'attachedToId') orgIds.push(Number(v));
      if (field === 'divisionCode' || field === 'locatedDivisionCode') divisionCodes.push(String(v));
    }
  }
  return { orgIds, divisionCodes };
}

const list = (items: { name: string }[] | undefined) => (items ?? []).map((i) => `“${i.name}”`).join('、');

/** The one Chinese sentence an event reads as on the organization's history. */
export function describeEvent(kind: OrgEventKind, detail: OrgEventDetail, names: Map<string, string>): string {
  const reason = detail.reason ? `（${detail.reason}）` : '';
  switch (kind) {
    case 'setUp':
      return `成立${detail.covered?.length ? `，覆盖${list(detail.covered)}` : ''}${reason}`;
    case 'changed': {
      if (detail.member) {
        const m = detail.member;
        if (m.action === 'joined') return `${m.name}加入（${membershipLabels[m.membership!] ?? ''}，${orgMemberRoleLabels[m.role!] ?? ''}）`;
        if (m.action === 'left') return `${m.name}离开${reason}`;
        const parts = Object.entries(m.changes ?? {}).map(([f, c]) =>
          f === 'membership' ? `由${membershipLabels[c.from as Membership]}转为${membershipLabels[c.to as Membership]}` : `职务由${orgMemberRoleLabels[c.from as OrgMemberRole]}改为${orgMemberRoleLabels[c.to as OrgMemberRole]}`,
        );
        return `${m.name}${parts.join('，')}${reason}`;
      }
      const parts = Object.entries(detail.changes ?? {}).map(([f, c]) => `${fieldLabels[f] ?? f}由“${valueText(f, c.from, names)}”改为“${valueText(f, c.to, names)}”`);
      return `${parts.join('；') || '信息变更'}${reason}`;
    }
    case 'coverageChanged': {
      const parts = [detail.added?.length ? `新增覆盖${list(detail.added)}` : '', detail.removed?.length ? `不再覆盖${list(detail.removed)}` : ''].filter(Boolean);
      return `${parts.join('；') || '覆盖单位不变'}${reason}`;
    }
    case 'mayDevelopDecided':
      return `${detail.decidedBy ?? ''}认定${detail.mayDevelop ? '具备' : '不具备'}发展党员条件${reason}`;
    case 'merged':
      return `并入“${detail.into?.name ?? ''}”${reason}`;
    case 'absorbed':
      return `“${detail.from?.name ?? ''}”并入本组织${reason}`;
    case 'dissolved':
      return `撤销${reason}${detail.removed?.length ? `，不再覆盖${list(detail.removed)}` : ''}`;
    default:
      return orgEventKindLabels[kind as OrgEventKind] ?? String(kind);
  }
}
