/**
 * Ids of rules.md §2 and §5 that have no module, each with the reason. The meta-test requires
 * every id of those sections to be registered or listed here, and the README shows this list.
 */
export const notImplemented: readonly { id: string; reason: string }[] = [
  {
    id: 'R-PLAN',
    reason: '年度发展计划与实际完成情况按党组织统计，不是单份档案的条件；xinxue-dossier/1 不含计划数据，属于统计模块（C16）。',
  },
  {
    id: 'R-MIG-MOBILE-ORG-TASKS',
    reason: '描述流动党员党组织的工作职责（2024年意见，原文待核实），不是对单份档案的检查；其中可检查的部分由 R-MIG-MOBILE-ORG-SCOPE 判断。',
  },
];

/**
 * Ids registered beyond rules.md §2 and §5, each with the reason (the meta-test requires it).
 */
export const additions: readonly { id: string; reason: string }[] = [
  {
    id: 'R-LATE-ENTRY',
    reason: '议题要求根据 recordedAt 发现事后补记的日期；rules.md 没有对应编号，故新增此编号（建议补入 rules.md §2.6）。',
  },
];
