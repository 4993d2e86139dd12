import { formations, hostKinds, memberships, orgEventKinds, orgKinds, orgMemberRoles, orgStatuses } from '@xinxue/domain';
import { z } from 'zod';

/** The zod shapes of the organization routes (in and out). */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const divisionCode = z.string().regex(/^\d{2,12}$/, '须为行政区划代码');
const id = z.number().int().positive();
const version = z.number().int().min(0).describe('读取时的版本号（并发修改时拒绝）');

export const orgView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(orgKinds),
  kindLabel: z.string(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  divisionCode: z.string(),
  divisionName: z.string(),
  hostKind: z.enum(hostKinds),
  hostKindLabel: z.string(),
  formation: z.enum(formations),
  formationLabel: z.string(),
  status: z.enum(orgStatuses),
  statusLabel: z.string(),
  approvalPower: z.boolean(),
  mayDevelop: z.boolean().nullable(),
  attachedToId: z.number().nullable(),
  attachedToName: z.string().nullable(),
  locatedDivisionCode: z.string().nullable(),
  locatedDivisionName: z.string().nullable(),
  establishedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  memberCount: z.number(),
  probationaryCount: z.number(),
  coveredCount: z.number(),
  version: z.number(),
});

const orgRef = z.object({ id: z.number(), name: z.string(), inScope: z.boolean() }).nullable();

export const orgDetail = orgView.extend({
  parent: orgRef,
  attachedTo: orgRef,
  mergedInto: orgRef,
  children: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(orgKinds), kindLabel: z.string(), status: z.enum(orgStatuses) })),
  approvalPowerProblem: z.string().nullable(),
  mayDevelopDecision: z.object({ value: z.boolean(), decidedBy: z.string().nullable(), decidedOn: z.string().nullable() }).nullable(),
  members: z.object({
    items: z.array(z.object({
      id: z.number(), name: z.string(), personId: z.number().nullable(), membership: z.enum(memberships), membershipLabel: z.string(),
      role: z.enum(orgMemberRoles), roleLabel: z.string(), joinedOn: z.string(), leftOn: z.string().nullable(), leftReason: z.string().nullable(),
    })),
    full: z.number(),
    probationary: z.number(),
    total: z.number(),
    secretary: z.object({ id: z.number(), name: z.string() }).nullable(),
  }),
  coverage: z.array(z.object({
    coverageId: z.number(), newOrgId: z.number(), name: z.string(), uscc: z.string(), kind: z.string(), kindLabel: z.string(), divisionCode: z.string(),
    formation: z.enum(formations), formationLabel: z.string(), validFrom: z.string(), validTo: z.string().nullable(),
  })),
  events: z.array(z.object({
    id: z.number(), kind: z.enum(orgEventKinds), kindLabel: z.string(), occurredOn: z.string(), summary: z.string(), recordedBy: z.string().nullable(), recordedAt: z.string(),
  })),
});

export const treeNode = z.object({
  id: z.number(), name: z.string(), kind: z.enum(orgKinds), parentId: z.number().nullable(), hostKind: z.enum(hostKinds), formation: z.enum(formations),
  status: z.enum(orgStatuses), divisionCode: z.string(), approvalPower: z.boolean(),
});

export const statsResponse = z.object({
  items: z.array(z.object({ hostKind: z.enum(hostKinds), hostKindLabel: z.string(), standalone: z.number(), joint: z.number(), attached: z.number(), total: z.number() })),
  total: z.number(),
});

export const orgFilter = z.object({
  hostKind: z.enum(hostKinds).optional(),
  kind: z.enum(orgKinds).optional(),
  formation: z.enum(formations).optional(),
  status: z.enum(orgStatuses).optional(),
  within: z.string().regex(/^\d{2,12}$/, '须为行政区划代码').optional(),
  q: z.string().max(80).optional(),
  parentId: z.coerce.number().int().positive().optional(),
});

export const listQuery = orgFilter.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const mayDevelopDecision = z.object({ value: z.boolean(), decidedBy: z.string().max(50), decidedOn: isoDate }).strict();

export const createBody = z.object({
  name: z.string().min(1, '请填写党组织名称').max(80),
  kind: z.enum(orgKinds),
  parentId: id.nullable().optional(),
  divisionCode,
  hostKind: z.enum(hostKinds).optional(),
  formation: z.enum(formations).optional(),
  attachedToId: id.nullable().optional(),
  coveredNewOrgIds: z.array(id).max(200).optional(),
  approvalPower: z.boolean().optional(),
  locatedDivisionCode: divisionCode.nullable().optional(),
  mayDevelop: mayDevelopDecision.nullable().optional(),
  establishedOn: isoDate.optional(),
}).strict();

export const changeBody = z.object({
  version,
  effectiveOn: isoDate.optional(),
  reason: z.string().max(200).optional(),
  name: z.string().min(1, '请填写党组织名称').max(80).optional(),
  kind: z.enum(orgKinds).optional(),
  parentId: id.nullable().optional(),
  divisionCode: divisionCode.optional(),
  hostKind: z.enum(hostKinds).optional(),
  formation: z.enum(formations).optional(),
  attachedToId: id.nullable().optional(),
  approvalPower: z.boolean().optional(),
  locatedDivisionCode: divisionCode.nullable().optional(),
  establishedOn: isoDate.optional(),
  coveredNewOrgIds: z.array(id).max(200).optional(),
}).strict();

export const coverageBody = z.object({ version, newOrgIds: z.array(id).max(200), effectiveOn: isoDate.optional(), reason: z.string().max(200).optional() }).strict();

export const mayDevelopBody = z.object({ version, mayDevelop: z.boolean(), decidedBy: z.string().max(50), decidedOn: isoDate, reason: z.string().max(200).optional() }).strict();

export const mergeBody = z.object({ version, intoId: id, intoVersion: version.optional(), effectiveOn: isoDate.optional(), reason: z.string().max(200).optional() }).strict();

export const dissolveBody = z.object({ version, effectiveOn: isoDate.optional(), reason: z.string().max(200) }).strict();

export const memberBody = z.object({
  version,
  name: z.string().max(30).optional(),
  personId: id.nullable().optional(),
  membership: z.enum(memberships),
  role: z.enum(orgMemberRoles),
  joinedOn: isoDate,
}).strict();

export const memberLeaveBody = z.object({ version, leftOn: isoDate, reason: z.string().max(100) }).strict();

export const memberChangeBody = z.object({ version, membership: z.enum(memberships).optional(), role: z.enum(orgMemberRoles).optional(), effectiveOn: isoDate.optional(), reason: z.string().max(200).optional() }).strict();

export const memberParams = z.object({ id: z.coerce.number().int().positive(), memberId: z.coerce.number().int().positive() });
