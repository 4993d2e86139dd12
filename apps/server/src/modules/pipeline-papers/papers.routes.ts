import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { DOCX_TYPE, errors, idParams, okResponse, sendAttachment, typed, XLSX_TYPE } from '../../lib/http.ts';
import { contextOf } from '../../plugins/auth.ts';
import type { Services } from '../../services.ts';

/** 公示 and 征求意见函 of the development workflow: notices with objections, letters to the other place, the register. */
const date = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);
const version = z.number({ error: '请提供读取时的版本号 version' }).int().min(0);
const noticeStages = ['activist', 'candidate', 'admission', 'confirmation'] as const;
const requestStages = ['keyContact', 'activist', 'candidate', 'admission', 'confirmation'] as const;
const noticePlaces = ['origin', 'workplace', 'unit', 'residence'] as const;
const twoPlaces = ['origin', 'workplace'] as const;
const result = z.enum(['pass', 'fail'], { error: '应为 pass（合格）或 fail（不合格）' });
const aspects = z.object({ quality: result, contribution: result, conduct: result, lawfulness: result }, { error: '请填写四个方面的意见（政治素质、现实表现、工作作风、遵纪守法）' }).strict();

const objection = z.object({ id: z.number(), receivedOn: z.string(), summary: z.string(), resolvedOn: z.string().nullable(), resolution: z.string().nullable(), upheld: z.boolean().nullable(), version: z.number() });
const notice = z.object({
  id: z.number(), dossierId: z.number(), stage: z.enum(noticeStages), stageLabel: z.string(), place: z.enum(noticePlaces), placeLabel: z.string(), location: z.string(),
  startOn: z.string(), endOn: z.string(), workingDays: z.number(), contact: z.string().nullable(), note: z.string().nullable(), cancelledAt: z.string().nullable(), cancelReason: z.string().nullable(),
  status: z.enum(['upcoming', 'running', 'ended', 'cancelled']), statusLabel: z.string(), version: z.number(), objections: z.array(objection),
});
const registerItem = notice.extend({ personName: z.string(), orgId: z.number(), orgName: z.string(), objectionCount: z.number(), unresolvedCount: z.number() });
const request = z.object({
  id: z.number(), dossierId: z.number(), stage: z.enum(requestStages), stageLabel: z.string(), place: z.enum(twoPlaces), placeLabel: z.string(), toOrgId: z.number().nullable(), toOrgName: z.string().nullable(),
  toName: z.string(), letterNo: z.string(), sentOn: z.string(), replyBy: z.string(), answeredOn: z.string().nullable(), aspects: aspects.nullable(), answerNote: z.string().nullable(),
  answeredBy: z.string().nullable(), cancelledAt: z.string().nullable(), cancelReason: z.string().nullable(), overdue: z.boolean(), version: z.number(),
});
const requestItem = request.extend({ personName: z.string(), orgId: z.number(), orgName: z.string() });
const created = z.object({ id: z.number() });
const noticeFilter = z.object({
  from: date('开始日期').optional(), to: date('结束日期').optional(), stage: z.enum(noticeStages).optional(), orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(['upcoming', 'running', 'ended', 'cancelled']).optional(),
});
const noticeId = z.object({ id: z.coerce.number().int().positive() });

const download = (reply: FastifyReply, out: { buffer: Buffer; fileName: string }, type: string) => sendAttachment(reply, out.fileName, type, out.buffer);

export function papersRoutes(app: FastifyInstance, services: Services): void {
  const r = typed(app);
  const p = services.pipelinePapers;

  r.get('/api/calendar/notice-end', {
    config: { access: 'dossiers:read' },
    schema: {
      tags: ['pipeline-papers'], summary: '公示结束日期（按工作日，含首日的计法按本市设置；不填天数则用规则要求的天数）',
      querystring: z.object({ start: date('公示开始日期'), days: z.coerce.number({ error: '工作日数应为数字' }).int().min(1, '工作日数至少为1').max(30, '工作日数不能超过30').optional(), stage: z.enum(noticeStages).optional() }),
      response: { 200: z.object({ start: z.string(), workingDays: z.number(), end: z.string(), countsFirstDay: z.boolean() }), ...errors },
    },
  }, async (request) => p.service.noticeEnd(request.query.start, request.query.days, request.query.stage));

  r.get('/api/dossiers/:id/papers', {
    config: { access: 'dossiers:read', scoped: true },
    schema: { tags: ['pipeline-papers'], summary: '档案的公示和征求意见函', params: idParams, response: { 200: z.object({ notices: z.array(notice), requests: z.array(request) }), ...errors } },
  }, async (request) => p.views.papers(contextOf(request), request.params.id));

  r.post('/api/dossiers/:id/notices', {
    config: { access: 'dossiers:write', scoped: true },
    schema: {
      tags: ['pipeline-papers'], summary: '登记公示（结束日期按工作日计算）', params: idParams,
      body: z.object({
        stage: z.enum(noticeStages, { error: '公示环节应为：activist、candidate、admission、confirmation' }),
        place: z.enum(noticePlaces, { error: '公示地点应为：origin、workplace、unit、residence' }),
        location: z.string({ error: '请填写张贴位置' }).max(100, '张贴位置不能超过100个字'), startOn: date('公示开始日期'),
        workingDays: z.number({ error: '工作日数应为数字' }).int('工作日数应为整数').min(1, '工作日数至少为1').max(30, '工作日数不能超过30').optional(),
        contact: z.string().max(100, '联系电话不能超过100个字').optional(), note: z.string().max(500, '备注不能超过500个字').optional(),
      }).strict(),
      response: { 200: created, ...errors },
    },
  }, async (request) => ({ id: await p.service.createNotice(contextOf(request), request.params.id, request.body) }));

  r.post('/api/notices/:id/objections', {
    config: { access: 'dossiers:write', scoped: true },
    schema: { tags: ['pipeline-papers'], summary: '登记公示期间收到的异议', params: noticeId, body: z.object({ receivedOn: date('收到异议日期'), summary: z.string({ error: '请填写异议内容摘要' }).max(1000) }).strict(), response: { 200: created, ...errors } },
  }, async (request) => ({ id: await p.service.addObjection(contextOf(request), request.params.id, request.body) }));

  r.post('/api/notices/:id/objections/:oid/resolve', {
    config: { access: 'dossiers:write', scoped: true },
    schema: {
      tags: ['pipeline-papers'], summary: '登记异议的核实和处理结果', params: z.object({ id: z.coerce.number().int().positive(), oid: z.coerce.number().int().positive() }),
      body: z.object({ version, resolvedOn: date('异议处理日期'), resolution: z.string({ error: '请填写核实和处理情况' }).max(1000), upheld: z.boolean({ error: '请选择异议是否成立' }) }).strict(),
      response: { 200: okResponse, ...errors },
    },
  }, async (request) => {
    await p.service.resolveObjection(contextOf(request), request.params.id, request.params.oid, request.body);
    return { ok: true as const };
  });

  r.post('/api/notices/:id/cancel', {
    config: { access: 'dossiers:write', scoped: true },
    schema: { tags: ['pipeline-papers'], summary: '撤销公示（写明原因，不删除）', params: noticeId, body: z.object({ version, reason: z.string({ error: '请写明撤销原因' }).max(500) }).strict(), response: { 200: okResponse, ...errors } },
  }, async (request) => {
    await p.service.cancelNotice(contextOf(request), request.params.id, request.body);
    return { ok: true as const };
  });

  r.get('/api/notices/:id/docx', {
    config: { access: 'dossiers:read', scoped: true },
    schema: { tags: ['pipeline-papers'], summary: '下载公示（.docx，可直接张贴）', params: noticeId },
  }, async (request, reply) => download(reply, await p.documents.notice(contextOf(request), request.params.id), DOCX_TYPE));

  r.get('/api/notices', {
    config: { access: 'dossiers:read', scoped: true },
    schema: { tags: ['pipeline-papers'], summary: '公示登记簿（管辖范围内；日期范围内进行的公示）', querystring: noticeFilter, response: { 200: z.object({ items: z.array(registerItem) }), ...errors } },
  }, async (request) => ({ items: await p.views.notices(contextOf(request), request.query) }));

  r.get('/api/notices/export', {
    config: { access: 'dossiers:read', scoped: true },
    schema: { tags: ['pipeline-papers'], summary: '导出公示登记簿（.xlsx）', querystring: noticeFilter },
  }, async (request, reply) => {
    const out = await p.views.exportNotices(contextOf(request), request.query);
    reply.header('x-export-count', String(out.count));
    return download(reply, out, XLSX_TYPE);
  });

  r.post('/api/dossiers/:id/opinion-requests', {
    config: { access: 'dossiers:write', scoped: true },
    schema: {
      tags: ['pipeline-papers'], summary: `发征求意见函（文号自动编排；不填回复期限则为发函后15个工作日）`, params: idParams,
      body: z.object({
        stage: z.enum(requestStages, { error: '征求意见的环节应为：keyContact、activist、candidate、admission、confirmation' }),
        place: z.enum(twoPlaces, { error: '征求意见地点应为：origin（原籍地）或 workplace（务工地）' }),
        toOrgId: z.number().int().positive().optional(), toName: z.string({ error: '请填写受函单位' }).max(100, '受函单位不能超过100个字'), sentOn: date('发函日期'), replyBy: date('回复期限').optional(),
      }).strict(),
      response: { 200: created, ...errors },
    },
  }, async (request) => ({ id: await p.service.createRequest(contextOf(request), request.params.id, request.body) }));

  r.get('/api/opinion-requests', {
    config: { access: 'dossiers:read', scoped: true },
    schema: {
      tags: ['pipeline-papers'], summary: '征求意见函（发函方和受函方都能看到；open=1 只列未回复的，逾期的标出）',
      querystring: z.object({ open: z.enum(['0', '1']).optional() }), response: { 200: z.object({ items: z.array(requestItem) }), ...errors },
    },
  }, async (request) => ({ items: await p.views.requests(contextOf(request), request.query.open === '1') }));

  r.get('/api/opinion-requests/:id/docx', {
    config: { access: 'dossiers:read', scoped: true },
    schema: { tags: ['pipeline-papers'], summary: '下载征求意见函（.docx，含回执；身份号码已隐去中间位）', params: noticeId },
  }, async (request, reply) => download(reply, await p.documents.letter(contextOf(request), request.params.id), DOCX_TYPE));

  r.post('/api/opinion-requests/:id/answer', {
    config: { access: 'dossiers:write', scoped: true },
    schema: {
      tags: ['pipeline-papers'], summary: '登记回执（四个方面的意见）；办理方或受函党组织所在范围的用户', params: noticeId,
      body: z.object({ version, answeredOn: date('回复日期'), aspects, note: z.string().max(1000, '其他意见不能超过1000个字').optional() }).strict(),
      response: { 200: okResponse, ...errors },
    },
  }, async (request) => {
    await p.service.answerRequest(contextOf(request), request.params.id, request.body);
    return { ok: true as const };
  });

  r.post('/api/opinion-requests/:id/cancel', {
    config: { access: 'dossiers:write', scoped: true },
    schema: { tags: ['pipeline-papers'], summary: '撤销征求意见函（写明原因，不删除）', params: noticeId, body: z.object({ version, reason: z.string({ error: '请写明撤销原因' }).max(500) }).strict(), response: { 200: okResponse, ...errors } },
  }, async (request) => {
    await p.service.cancelRequest(contextOf(request), request.params.id, request.body);
    return { ok: true as const };
  });
}
