import { roleLabels, type Role } from '@xinxue/domain';

/** Chinese names for the audit log's action codes; an unknown code is shown as it is. */
export const auditActionLabels: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lock': '账号锁定',
  'auth.totp.setup': '开始设置动态口令',
  'auth.totp.enable': '启用动态口令',
  'auth.totp.verify': '动态口令验证',
  'user.create': '新建账号',
  'user.password.change': '修改密码',
  'user.reveal': '查看完整个人信息',
  'user.unlock': '解除锁定',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'grid.create': '新建网格',
  'grid.worker.assign': '指派网格员',
  'org.create': '新建党组织',
  'auditLog.verify': '校验审计日志',
  'demo.load': '载入演示数据',
};

export const outcomeLabels = {
  success: { label: '成功', color: 'green' },
  failure: { label: '失败', color: 'orange' },
  denied: { label: '拒绝', color: 'red' },
} as const;

export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}

export function roleLabelOf(role: string | null): string {
  if (!role) return '—';
  return roleLabels[role as Role] ?? role;
}
