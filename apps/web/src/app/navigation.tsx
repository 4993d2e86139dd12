import {
  AimOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  FileSearchOutlined,
  FundOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  NotificationOutlined,
  PieChartOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Requirement } from '../lib/authorization';

/**
 * Every page of the app, in menu order. A new module (流动人员台帐, 优秀分子, 发展党员 …) adds one
 * entry here: the route, the menu item and the permission check all follow from it.
 */
export interface PageEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** Who may see it; omitted means every signed-in user. */
  requires?: Requirement;
  page: LazyExoticComponent<ComponentType>;
  /**
   * Where it is offered: the side menu (default), the user dropdown in the header, or nowhere
   * ('none': a page reached from another one, such as a person's page from the ledger).
   */
  placement?: 'menu' | 'account' | 'none';
  /** Short description for the administrators' home page. */
  summary?: string;
}

/** A menu entry that leaves the app (opens in a new tab). */
export interface LinkEntry {
  href: string;
  label: string;
  icon: ReactNode;
  requires?: Requirement;
}

// Named exports keep component names searchable; React.lazy wants a default, hence the mapping.
const page = <T extends Record<string, ComponentType>>(load: () => Promise<T>, name: keyof T) =>
  lazy(async () => ({ default: (await load())[name]! }));

export const pages: PageEntry[] = [
  {
    path: '/',
    label: '首页',
    icon: <HomeOutlined />,
    page: page(() => import('../features/home/components/home-page'), 'HomePage'),
  },
  {
    path: '/grids',
    label: '网格',
    icon: <AppstoreOutlined />,
    requires: 'grids:read',
    summary: '按行政区划查看网格与网格员',
    page: page(() => import('../features/grids/components/grids-page'), 'GridsPage'),
  },
  {
    path: '/people',
    label: '流动人员台帐',
    icon: <IdcardOutlined />,
    requires: 'people:read',
    summary: '按区域、网格、流向、职业筛选流动人员，查看五个清楚和每条信息的来源',
    page: page(() => import('../features/ledger/components/ledger-page'), 'LedgerPage'),
  },
  {
    path: '/people/:id',
    label: '人员详情',
    icon: <IdcardOutlined />,
    requires: 'people:read',
    placement: 'none',
    page: page(() => import('../features/ledger/components/person-page'), 'PersonPage'),
  },
  {
    path: '/imports',
    label: '数据导入',
    icon: <CloudUploadOutlined />,
    requires: 'people:write',
    summary: '导入公安、计生、民政的流动人口数据，核对列的对应关系',
    page: page(() => import('../features/imports/components/imports-page'), 'ImportsPage'),
  },
  {
    path: '/reviews',
    label: '待审核',
    icon: <FileSearchOutlined />,
    requires: 'people:read',
    summary: '处理疑似重复人员和各来源信息冲突',
    page: page(() => import('../features/reviews/components/reviews-page'), 'ReviewsPage'),
  },
  {
    path: '/surveys',
    label: '清查',
    icon: <CheckSquareOutlined />,
    requires: 'people:read',
    summary: '按网格清查流动人员，查看每个网格的核查进度和五个清楚',
    page: page(() => import('../features/surveys/components/surveys-page'), 'SurveysPage'),
  },
  {
    path: '/surveys/:id/check',
    label: '核查人员',
    icon: <CheckSquareOutlined />,
    requires: 'people:write',
    placement: 'none',
    page: page(() => import('../features/surveys/components/survey-check-page'), 'SurveyCheckPage'),
  },
  {
    path: '/talent',
    label: '优秀分子',
    icon: <StarOutlined />,
    requires: 'people:read',
    summary: '优秀分子数据库：列入理由、推荐人、发现途径，按途径统计',
    page: page(() => import('../features/talent/components/talent-page'), 'TalentPage'),
  },
  {
    path: '/targets',
    label: '重点培养对象',
    icon: <AimOutlined />,
    requires: 'people:read',
    summary: '重点培养对象的跟踪联系，逾期未联系名单，村级后备干部和外出青年',
    page: page(() => import('../features/talent/components/targets-page'), 'TargetsPage'),
  },
  {
    path: '/targets/:id',
    label: '培养对象详情',
    icon: <AimOutlined />,
    requires: 'people:read',
    placement: 'none',
    page: page(() => import('../features/talent/components/target-page'), 'TargetPage'),
  },
  {
    path: '/dossiers',
    label: '发展党员',
    icon: <SolutionOutlined />,
    requires: 'dossiers:read',
    summary: '发展党员档案：按阶段、步骤、党组织（含下级）、状态、姓名查找，导出和导入 xinxue-dossier/1',
    page: page(() => import('../features/pipeline/components/dossiers-page'), 'DossiersPage'),
  },
  {
    path: '/dossiers/:id',
    label: '发展党员档案',
    icon: <SolutionOutlined />,
    requires: 'dossiers:read',
    placement: 'none',
    page: page(() => import('../features/pipeline/components/dossier-page'), 'DossierPage'),
  },
  {
    path: '/pipeline',
    label: '发展党员看板',
    icon: <FundOutlined />,
    requires: 'dossiers:read',
    summary: '各党组织发展党员五个阶段的人数，逐级下钻到名单',
    page: page(() => import('../features/pipeline-reports/components/pipeline-board-page'), 'PipelineBoardPage'),
  },
  {
    path: '/pipeline/deadlines',
    label: '办理期限',
    icon: <ClockCircleOutlined />,
    requires: 'dossiers:read',
    summary: '谈话、考察、支部大会、审批、宣誓、转正的到期和逾期事项',
    page: page(() => import('../features/pipeline-reports/components/deadlines-page'), 'DeadlinesPage'),
  },
  {
    path: '/pipeline/audit',
    label: '档案批量审核',
    icon: <AuditOutlined />,
    requires: 'dossiers:read',
    summary: '用规则引擎审核管辖范围内全部发展党员档案，按规则、按党组织汇总并导出',
    page: page(() => import('../features/pipeline-reports/components/audit-page'), 'AuditPage'),
  },
  {
    path: '/notices',
    label: '公示与征求意见函',
    icon: <NotificationOutlined />,
    requires: 'dossiers:read',
    summary: '公示登记簿（按日期、环节、党组织筛选，导出 Excel）和待回复的征求意见函',
    page: page(() => import('../features/pipeline-papers/components/notices-page'), 'NoticesPage'),
  },
  {
    path: '/orgs',
    label: '党组织',
    icon: <ApartmentOutlined />,
    requires: 'orgs:read',
    summary: '党委、党总支、党支部的组织体系，单独、联合、挂靠组建，覆盖单位，审批权，历史沿革',
    page: page(() => import('../features/orgs/components/orgs-page'), 'OrgsPage'),
  },
  {
    path: '/orgs/new',
    label: '新建党组织',
    icon: <ApartmentOutlined />,
    requires: 'orgs:write',
    placement: 'none',
    page: page(() => import('../features/orgs/components/org-create-page'), 'OrgCreatePage'),
  },
  {
    path: '/orgs/:id',
    label: '党组织详情',
    icon: <ApartmentOutlined />,
    requires: 'orgs:read',
    placement: 'none',
    page: page(() => import('../features/orgs/components/org-page'), 'OrgPage'),
  },
  {
    path: '/new-orgs',
    label: '两新组织',
    icon: <ShopOutlined />,
    requires: 'orgs:read',
    summary: '非公企业和社会组织名录：导入市场监管、民政名录，是否建立党组织',
    page: page(() => import('../features/new-orgs/components/new-orgs-page'), 'NewOrgsPage'),
  },
  {
    path: '/new-orgs/coverage',
    label: '党组织覆盖',
    icon: <PieChartOutlined />,
    requires: 'orgs:read',
    summary: '两新组织覆盖率（按区域、行业、规模）、走势、空白点和建议联合组建',
    page: page(() => import('../features/new-orgs/components/coverage-page'), 'CoveragePage'),
  },
  {
    path: '/mobile-orgs',
    label: '市外流动党组织',
    icon: <GlobalOutlined />,
    requires: 'orgs:read',
    summary: '外出人员务工地与市外流动党组织对照，没有流动党组织的务工地排在前面；服务的原籍地、党员人数',
    page: page(() => import('../features/mobile-orgs/components/mobile-orgs-page'), 'MobileOrgsPage'),
  },
  {
    path: '/micro-orgs',
    label: '微组织',
    icon: <ClusterOutlined />,
    requires: 'orgs:read',
    summary: '兴趣、行业、地域微组织：骨干党员、联系服务的流动人员、活动台账，活动中发现优秀分子',
    page: page(() => import('../features/micro-orgs/components/micro-orgs-page'), 'MicroOrgsPage'),
  },
  {
    path: '/micro-orgs/:id',
    label: '微组织详情',
    icon: <ClusterOutlined />,
    requires: 'orgs:read',
    placement: 'none',
    page: page(() => import('../features/micro-orgs/components/micro-org-page'), 'MicroOrgPage'),
  },
  {
    path: '/users',
    label: '账号管理',
    icon: <TeamOutlined />,
    requires: 'users:read',
    summary: '新建账号、解除锁定、停用启用',
    page: page(() => import('../features/users/components/users-page'), 'UsersPage'),
  },
  {
    path: '/audit-log',
    label: '审计日志',
    icon: <AuditOutlined />,
    requires: 'auditLog:read',
    summary: '查阅操作记录，校验哈希链是否完整',
    page: page(() => import('../features/audit-log/components/audit-log-page'), 'AuditLogPage'),
  },
  {
    path: '/account/password',
    label: '修改密码',
    icon: <KeyOutlined />,
    placement: 'account',
    page: page(() => import('../features/auth/components/change-password-page'), 'ChangePasswordPage'),
  },
  {
    path: '/account/totp',
    label: '动态口令',
    icon: <SafetyCertificateOutlined />,
    placement: 'account',
    page: page(() => import('../features/auth/components/totp-page'), 'TotpPage'),
  },
];

export const links: LinkEntry[] = [
  { href: '/api/docs', label: '接口文档', icon: <ApiOutlined />, requires: ['users:read', 'auditLog:read', 'system:config'] },
];
