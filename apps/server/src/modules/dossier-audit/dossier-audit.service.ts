import { type CalendarOverride, CalendarOverrideError, validateCalendarOverride } from '@xinxue/domain/calendar/index';
import { type AuditResult, auditDossierFile, readDossierFile } from '@xinxue/domain/dossier/index';
import { type RuleDescription, describeRules, registry } from '@xinxue/domain/rules/index';
import { type CitySettings, type SettingsDocument, defaultCitySettings, parseSettingsDocument, settingsToDocument } from '@xinxue/domain/settings/index';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { AppError, appError } from '../../lib/errors.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';

/**
 * The dossier auditor behind POST /api/audit, and the city's settings it runs with. Auditing reads
 * no database records: the file is the input. Settings and calendar years are rows that are only
 * ever added (the latest wins), so who changed a rule or a holiday, and when, stays visible.
 */
export interface AuditRequest {
  asOf: string;
  explain?: boolean;
}

/** Audits an already parsed file with the given settings; a malformed file throws DOSSIER_FORMAT_INVALID. */
export function auditDossierValue(value: unknown, settings: CitySettings, request: AuditRequest): AuditResult {
  const read = readDossierFile(value);
  if (!read.ok) throw formatInvalid(read.errors, read.truncated);
  return auditDossierFile(read.file, { asOf: request.asOf, settings, explain: request.explain ?? false });
}

/** The one error for a malformed file, with every error's JSON path in `details.errors`. */
export function formatInvalid(errors: readonly { path: string; message: string }[], truncated: boolean) {
  const message = `档案文件有 ${errors.length}${truncated ? '余' : ''} 处错误，未做任何审核：${errors.slice(0, 3).map((e) => `${e.path} ${e.message}`).join('；')}`;
  return appError('DOSSIER_FORMAT_INVALID', message, { details: { errors, truncated } });
}

export class DossierAuditService {
  constructor(
    private readonly db: Db,
    private readonly auditLog: AuditLogService,
  ) {}

  /** The settings in force: the latest saved document, with the latest calendar entry of each year. */
  async settings(): Promise<CitySettings> {
    const row = await this.db.selectFrom('rule_settings').select('document').orderBy('id', 'desc').limit(1).executeTakeFirst();
    let settings = defaultCitySettings;
    if (row) {
      const parsed = parseSettingsDocument(JSON.parse(row.document), registry);
      // A stored document that no longer parses (a rule removed since) falls back to the defaults
      // rather than stopping every audit; saving settings again shows the error to the administrator.
      if (parsed.ok) settings = parsed.settings;
    }
    return { ...settings, calendar: await this.calendar() };
  }

  async calendar(): Promise<CalendarOverride[]> {
    const rows = await this.db.selectFrom('calendar_overrides').selectAll().orderBy('year').orderBy('id').execute();
    const latest = new Map<number, CalendarOverride>();
    for (const r of rows) latest.set(r.year, { year: r.year, holidays: JSON.parse(r.holidays) as string[], makeUpWorkdays: JSON.parse(r.make_up_workdays) as string[], source: r.source });
    return [...latest.values()];
  }

  async audit(ctx: RequestContext, body: unknown, request: AuditRequest): Promise<AuditResult> {
    const settings = await this.settings();
    try {
      const result = auditDossierValue(body, settings, request);
      const findings = result.results.reduce((n, r) => n + r.findings.length, 0);
      await this.auditLog.record(actorOf(ctx), {
        action: 'dossier.audit',
        objectType: 'dossierFile',
        detail: { asOf: result.asOf, dossiers: result.summary.dossiers, withBlock: result.summary.withBlock, withWarn: result.summary.withWarn, findings },
      });
      return result;
    } catch (error) {
      if (error instanceof AppError && error.code === 'DOSSIER_FORMAT_INVALID') {
        const count = (error.details?.errors as unknown[] | undefined)?.length ?? 0;
        await this.auditLog.record(actorOf(ctx), { action: 'dossier.audit', objectType: 'dossierFile', outcome: 'failure', detail: { asOf: request.asOf, formatErrors: count } });
      }
      throw error;
    }
  }

  async rules(): Promise<RuleDescription[]> {
    return describeRules(await this.settings());
  }

  async settingsDocument(): Promise<SettingsDocument> {
    return settingsToDocument(await this.settings());
  }

  /** Saves a new version of the rule settings (without calendar years: those are entered one by one). */
  async saveSettings(ctx: RequestContext, document: unknown, reason: string): Promise<SettingsDocument> {
    const parsed = parseSettingsDocument(document, registry);
    if (!parsed.ok) throw appError('RULE_SETTINGS_INVALID', `规则设置有误：${parsed.errors.map((e) => `${e.path} ${e.message}`).join('；')}`, { details: { errors: parsed.errors } });
    if ((document as { calendar?: unknown[] }).calendar?.length) throw appError('RULE_SETTINGS_INVALID', '工作日日历请按年份录入（PUT /api/audit/calendar/:year）', { field: 'calendar' });
    const actor = actorOf(ctx);
    const stored = settingsToDocument({ ...parsed.settings, calendar: [] });
    delete stored.calendar;
    await this.db.transaction().execute(async (tx) => {
      await tx.insertInto('rule_settings').values({ document: JSON.stringify(stored), reason, created_by: actor.id, created_by_name: actor.name, created_at: new Date().toISOString() }).execute();
      await this.auditLog.append(tx, actor, { action: 'audit.settings.save', objectType: 'ruleSettings', detail: { reason, rules: Object.keys(stored.rules ?? {}).sort(), switchDate: stored.switchDate } });
    });
    return this.settingsDocument();
  }

  /** Enters one year of the State Council holiday schedule (replacing an earlier entry of that year). */
  async saveCalendarYear(ctx: RequestContext, entry: CalendarOverride): Promise<CalendarOverride[]> {
    try {
      validateCalendarOverride(entry);
    } catch (error) {
      if (error instanceof CalendarOverrideError) throw appError('RULE_SETTINGS_INVALID', error.message, { field: 'holidays' });
      throw error;
    }
    const actor = actorOf(ctx);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('calendar_overrides')
        .values({ year: entry.year, holidays: JSON.stringify([...entry.holidays].sort()), make_up_workdays: JSON.stringify([...entry.makeUpWorkdays].sort()), source: entry.source, entered_by: actor.id, entered_by_name: actor.name, entered_at: new Date().toISOString() })
        .execute();
      await this.auditLog.append(tx, actor, { action: 'audit.calendar.save', objectType: 'calendarYear', objectIds: [entry.year], detail: { holidays: entry.holidays.length, makeUpWorkdays: entry.makeUpWorkdays.length, source: entry.source } });
    });
    return this.calendar();
  }
}
