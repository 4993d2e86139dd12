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
  'org.change': '变更党组织',
  'org.merge': '合并党组织',
  'org.dissolve': '撤销党组织',
  'org.mayDevelop': '认定流动党组织发展党员条件',
  'org.member.add': '登记党组织党员',
  'org.member.change': '党员转正或调整职务',
  'org.member.leave': '党员离开党组织',
  'org.export': '导出党组织',
  'org.import': '导入党组织',
  'user.scopeOrg': '设置账号的党组织范围',
  'newOrg.create': '登记两新组织',
  'newOrg.update': '修改两新组织',
  'newOrg.deregister': '标记两新组织注销',
  'newOrg.export': '导出两新组织名录',
  'newOrg.import': '导入两新组织名录',
  'mobileOrg.homeAreas': '设置流动党组织服务的原籍地',
  'mobileOrg.export': '导出市外流动党组织',
  'microOrg.create': '新建微组织',
  'microOrg.update': '修改微组织',
  'microOrg.dissolve': '解散微组织',
  'microOrg.backbone.add': '登记微组织骨干党员',
  'microOrg.backbone.leave': '骨干党员离开微组织',
  'microOrg.reach.add': '登记微组织联系服务的流动人员',
  'microOrg.reach.remove': '移除微组织联系服务的流动人员',
  'microOrg.activity.record': '登记微组织活动',
  'microOrg.activity.update': '修改微组织活动',
  'microOrg.activity.export': '导出微组织活动台账',
  'microOrg.talentFlag': '从微组织活动标记优秀分子',
  'dossier.notice.create': '登记公示',
  'dossier.notice.objection': '登记公示异议',
  'dossier.notice.resolve': '处理公示异议',
  'dossier.notice.cancel': '撤销公示',
  'dossier.notice.download': '下载公示文书',
  'dossier.notice.export': '导出公示登记簿',
  'dossier.letter.send': '发征求意见函',
  'dossier.letter.answer': '登记征求意见函回执',
  'dossier.letter.cancel': '撤销征求意见函',
  'dossier.letter.download': '下载征求意见函',
  'pipeline.audit.export': '导出档案批量审核',
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
