/**
 * The one error catalogue: stable English codes for programs, Chinese messages for people.
 * Services throw `appError(code, …)`; the error handler turns it into `{ code, message, field? }`.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: '提交的数据不正确' },
  BAD_REQUEST: { status: 400, message: '请求无效' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '长时间未操作，登录已失效，请重新登录' },
  BAD_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  SECOND_FACTOR_REQUIRED: { status: 401, message: '请先完成动态口令验证' },
  BAD_TOTP: { status: 401, message: '动态口令错误' },
  ACCOUNT_LOCKED: { status: 423, message: '连续登录失败次数过多，账号已锁定' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用' },
  CSRF_INVALID: { status: 403, message: '请求来源校验失败，请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '没有执行此操作的权限' },
  OUT_OF_SCOPE: { status: 403, message: '该数据不在您的管辖范围内' },
  NOT_FOUND: { status: 404, message: '未找到' },
  DIVISION_NOT_FOUND: { status: 404, message: '行政区划不存在' },
  GRID_NOT_FOUND: { status: 404, message: '网格不存在' },
  ORG_NOT_FOUND: { status: 404, message: '党组织不存在' },
  USER_NOT_FOUND: { status: 404, message: '用户不存在' },
  CONFLICT: { status: 409, message: '数据冲突' },
  USERNAME_TAKEN: { status: 409, message: '登录名已被使用' },
  GRID_NAME_TAKEN: { status: 409, message: '该村（社区）下已有同名网格' },
  WEAK_PASSWORD: { status: 400, message: '密码不符合安全要求' },
  PASSWORD_REUSED: { status: 400, message: '新密码不能与最近5次使用过的密码相同' },
  REASON_REQUIRED: { status: 400, message: '查看完整信息须填写理由' },
  IMPORT_BAD_FILE: { status: 400, message: '文件无法导入' },
  IMPORT_NO_HEADER: { status: 400, message: '没有找到表头行' },
  IMPORT_BAD_MAPPING: { status: 400, message: '列的对应关系不正确' },
  PERSON_NOT_FOUND: { status: 404, message: '人员不存在' },
  REVIEW_ITEM_NOT_FOUND: { status: 404, message: '待审核事项不存在' },
  REVIEW_ALREADY_RESOLVED: { status: 409, message: '该事项已处理' },
  SURVEY_NOT_FOUND: { status: 404, message: '清查不存在' },
  SURVEY_CLOSED: { status: 409, message: '该清查已结束，不能再登记核查结果' },
  SURVEY_PERSON_NOT_COVERED: { status: 409, message: '该人员不在本次清查的网格内' },
  NEW_ORG_NOT_FOUND: { status: 404, message: '该企业或社会组织不存在' },
  USCC_TAKEN: { status: 409, message: '统一社会信用代码已登记' },
  MOBILE_ORG_NOT_FOUND: { status: 404, message: '市外流动党组织不存在' },
  MICRO_ORG_NOT_FOUND: { status: 404, message: '微组织不存在' },
  MICRO_ORG_DISSOLVED: { status: 409, message: '该微组织已解散，不能再登记或修改' },
  MICRO_ACTIVITY_NOT_FOUND: { status: 404, message: '活动记录不存在' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  DOSSIER_FORMAT_INVALID: { status: 400, message: '档案文件不符合 xinxue-dossier/1 格式，未做任何审核' },
  RULE_SETTINGS_INVALID: { status: 400, message: '规则设置不正确' },
  DOSSIER_NOT_FOUND: { status: 404, message: '发展党员档案不存在' },
  DOSSIER_EXISTS: { status: 409, message: '此人已有正在办理的发展党员档案' },
  DOSSIER_CLOSED: { status: 409, message: '该档案已撤回、不予承认或已办结，不能再办理' },
  STEP_OUT_OF_ORDER: { status: 409, message: '请按步骤顺序办理' },
  STEP_BLOCKED: { status: 422, message: '不符合发展党员的规定，不能办理此步骤' },
  STEP_JUSTIFICATION_REQUIRED: { status: 422, message: '有警示项，须写明继续办理的理由' },
  DOSSIER_FILE_NOT_FOUND: { status: 404, message: '档案材料不存在' },
  NOTICE_NOT_FOUND: { status: 404, message: '公示不存在' },
  OBJECTION_NOT_FOUND: { status: 404, message: '该公示没有这件异议' },
  OPINION_REQUEST_NOT_FOUND: { status: 404, message: '征求意见函不存在' },
  PAPER_CANCELLED: { status: 409, message: '已撤销，不能再办理' },
  CALENDAR_YEAR_MISSING: { status: 400, message: '没有该年度的法定节假日安排，无法按工作日计算' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(message ?? errorCatalogue[code].message);
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.field = options.field;
    this.details = options.details;
  }
}

export function appError(code: ErrorCode, message?: string, options?: { field?: string; details?: Record<string, unknown> }): AppError {
  return new AppError(code, message, options);
}
