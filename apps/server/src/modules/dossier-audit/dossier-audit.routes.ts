import { chinaToday, isIsoDate } from '@xinxue/domain/calendar/index';
import { auditResultSchema } from '@xinxue/domain/dossier/index';
import { SETTINGS_FORMAT } from '@xinxue/domain/settings/index';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors, typed } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';

/** A file of 50 MB is about 12,000 full dossiers; the rest of the API keeps its 1 MB limit. */
export const AUDIT_BODY_LIMIT = 50 * 1024 * 1024;

const isoDate = z.string().refine(isIsoDate, '须为有效日期 YYYY-MM-DD');
const auditErrors = { ...errors, 413: errors[400] };

const ruleDescription = z.object({
  id: z.string(),
  name: z.string(),
  text: z.string(),
  versions: z.array(z.enum(['V2014', 'V2026', 'LEAGUE', 'LOCAL'])),
  source: z.string(),
  sourceV2014: z.string().optional(),
  step: z.number(),
  stepName: z.string(),
  severities: z.array(z.enum(['BLOCK', 'WARN', 'INFO'])),
  enabled: z.boolean(),
  local: z.boolean(),
  params: z.record(z.string(), z.object({ value: z.union([z.number(), z.boolean(), z.array(z.string())]), label: z.string() })),
  aliasOf: z.array(z.string()).optional(),
  settingReason: z.string().optional(),
});

// The settings document is checked by the domain (every error with its path); here only its envelope.
const settingsDocument = z.looseObject({ format: z.literal(SETTINGS_FORMAT) }).describe('xinxue-settings/1 规则设置');

export function dossierAuditRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);

  r.post('/api/audit', {
    bodyLimit: AUDIT_BODY_LIMIT,
    config: { access: 'authenticated' },
    schema: {
      tags: ['audit'],
      summary: '审核发展党员档案文件（xinxue-dossier/1），返回 xinxue-audit/1',
      description: '请求体为 xinxue-dossier/1 文件本身。格式错误时返回 400 DOSSIER_FORMAT_INVALID，details.errors 列出每处错误的 JSON 路径，且不审核任何档案。',
      querystring: z.object({
        asOf: isoDate.optional().describe('审核基准日，默认为中国时间今天'),
        explain: z.enum(['true', 'false']).optional().describe('为每个问题附上规则原文和所用事实'),
      }).strict(),
      body: z.unknown().describe('xinxue-dossier/1 文件'),
      response: { 200: auditResultSchema, ...auditErrors },
    },
  }, async (request) => services.dossierAudit.audit(contextOf(request), request.body, { asOf: request.query.asOf ?? chinaToday(), explain: request.query.explain === 'true' }));

  r.get('/api/audit/rules', {
    config: { access: 'authenticated' },
    schema: { tags: ['audit'], summary: '全部规则：原文、版本、依据、本市的严重程度和参数', response: { 200: z.object({ items: z.array(ruleDescription) }), ...errors } },
  }, async () => ({ items: (await services.dossierAudit.rules()).map((x) => ({ ...x, sourceV2014: x.sourceV2014 ?? undefined, aliasOf: x.aliasOf ?? undefined, settingReason: x.settingReason ?? undefined })) }));

  r.get('/api/audit/settings', {
    config: { access: 'authenticated' },
    schema: { tags: ['audit'], summary: '本市的规则设置（可直接作为 xinxue audit --settings 的文件）', response: { 200: settingsDocument, ...errors } },
  }, async () => services.dossierAudit.settingsDocument());

  r.put('/api/audit/settings', {
    config: { access: 'system:config' },
    schema: {
      tags: ['audit'],
      summary: '保存新的规则设置（保留历史）',
      body: z.object({ settings: settingsDocument, reason: z.string().trim().min(2).max(500).describe('修改理由（如依据的文件）') }).strict(),
      response: { 200: settingsDocument, ...errors },
    },
  }, async (request) => services.dossierAudit.saveSettings(contextOf(request), request.body.settings, request.body.reason));

  r.put('/api/audit/calendar/:year', {
    config: { access: 'system:config' },
    schema: {
      tags: ['audit'],
      summary: '按国务院办公厅通知录入一年的放假和调休安排',
      params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      body: z.object({ holidays: z.array(isoDate).max(60), makeUpWorkdays: z.array(isoDate).max(20), source: z.string().trim().min(2).max(200) }).strict(),
      response: { 200: z.object({ items: z.array(z.object({ year: z.number(), holidays: z.array(z.string()), makeUpWorkdays: z.array(z.string()), source: z.string() })) }), ...errors },
    },
  }, async (request) => ({ items: await services.dossierAudit.saveCalendarYear(contextOf(request), { year: request.params.year, ...request.body }) }));
}
