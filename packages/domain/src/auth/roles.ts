/**
 * Roles and their permissions. The three administrators are separated (三权分立, GB/T 22239
 * 8.1.4.2): the system administrator runs the system and creates accounts, the security
 * administrator sets roles, scopes and unlocks, the audit administrator only reads the audit log.
 * None of them reads people's records.
 */
export const roles = [
  'cityOrgDept',
  'countyOrgDept',
  'townshipCommittee',
  'branchOrganizer',
  'gridWorker',
  'serviceCenterStaff',
  'inspector',
  'sysAdmin',
  'securityAdmin',
  'auditAdmin',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  cityOrgDept: '市委组织部',
  countyOrgDept: '县（市、区）委组织部',
  townshipCommittee: '乡镇（街道）党（工）委',
  branchOrganizer: '党支部组织委员',
  gridWorker: '网格员',
  serviceCenterStaff: '流动党员服务中心工作人员',
  inspector: '只读检查人员',
  sysAdmin: '系统管理员',
  securityAdmin: '安全管理员',
  auditAdmin: '审计管理员',
};

export const permissions = [
  'people:read',
  'people:write',
  'orgs:read',
  'orgs:write',
  'grids:read',
  'grids:write',
  'dossiers:read',
  'dossiers:write',
  'pii:reveal',
  'users:read',
  'users:create',
  'users:security',
  'auditLog:read',
  'system:config',
] as const;
export type Permission = (typeof permissions)[number];

const business: Permission[] = ['people:read', 'orgs:read', 'grids:read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  cityOrgDept: [...business, 'people:write', 'orgs:write', 'grids:write', 'dossiers:read', 'dossiers:write', 'pii:reveal'],
  countyOrgDept: [...business, 'people:write', 'orgs:write', 'grids:write', 'dossiers:read', 'dossiers:write', 'pii:reveal'],
  townshipCommittee: [...business, 'people:write', 'orgs:write', 'grids:write', 'dossiers:read', 'dossiers:write', 'pii:reveal'],
  // The development workflow is the party organizations' work: grid workers and the service centre
  // find and follow up people but neither read nor record dossiers.
  branchOrganizer: [...business, 'people:write', 'dossiers:read', 'dossiers:write'],
  gridWorker: [...business, 'people:write'],
  serviceCenterStaff: [...business],
  inspector: [...business, 'dossiers:read'],
  sysAdmin: ['users:read', 'users:create', 'system:config'],
  securityAdmin: ['users:read', 'users:security'],
  auditAdmin: ['auditLog:read'],
};

export const adminRoles: readonly Role[] = ['sysAdmin', 'securityAdmin', 'auditAdmin'];

/** Administrators must use a second factor (GB/T 22239 8.1.4.1 d). */
export function requiresTotp(role: Role): boolean {
  return adminRoles.includes(role);
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** The division level a role's scope is usually set at; used to suggest a scope when adding a user. */
export const roleScopeLevel: Record<Role, 'city' | 'county' | 'township' | 'village'> = {
  cityOrgDept: 'city',
  countyOrgDept: 'county',
  townshipCommittee: 'township',
  branchOrganizer: 'village',
  gridWorker: 'village',
  serviceCenterStaff: 'city',
  inspector: 'city',
  sysAdmin: 'city',
  securityAdmin: 'city',
  auditAdmin: 'city',
};
