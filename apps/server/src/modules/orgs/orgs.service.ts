import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { assertInScope, scopedTo } from '../../lib/scope.ts';
import type { Actor, AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DivisionsService } from '../divisions/divisions.service.ts';

/** The skeleton of the party organization tree; the organizations issue adds formation, history, coverage. */
export const orgKinds = ['committee', 'generalBranch', 'branch'] as const;
export type OrgKind = (typeof orgKinds)[number];
export const orgKindLabels: Record<OrgKind, string> = { committee: '党委', generalBranch: '党总支', branch: '党支部' };

export interface OrgView {
  id: number;
  name: string;
  kind: OrgKind;
  kindLabel: string;
  parentId: number | null;
  divisionCode: string;
  divisionName: string;
}

export class OrgsService {
  constructor(
    private readonly db: Db,
    private readonly divisions: DivisionsService,
    private readonly auditLog: AuditLogService,
  ) {}

  async list(ctx: RequestContext): Promise<OrgView[]> {
    const rows = await scopedTo(this.db.selectFrom('party_orgs').selectAll(), 'division_code', ctx.user.scope).orderBy('division_code').orderBy('id').limit(5000).execute();
    return this.views(rows);
  }

  async get(ctx: RequestContext, id: number): Promise<OrgView> {
    const row = await this.db.selectFrom('party_orgs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw appError('ORG_NOT_FOUND');
    assertInScope(row.division_code, ctx.user.scope, '该党组织');
    return (await this.views([row]))[0]!;
  }

  async create(ctx: RequestContext | null, input: { name: string; kind: OrgKind; parentId?: number | null | undefined; divisionCode: string }, actor: Actor = actorOf(ctx!)): Promise<OrgView> {
    const name = input.name.trim();
    if (!name || Array.from(name).length > 80) throw appError('VALIDATION_FAILED', '党组织名称须为1至80个字', { field: 'name' });
    const division = await this.divisions.requireLevel(input.divisionCode, ['prefecture', 'county', 'township', 'village'], 'divisionCode');
    if (ctx) assertInScope(division.code, ctx.user.scope, `“${division.name}”`);
    if (input.parentId != null) {
      const parent = await this.db.selectFrom('party_orgs').selectAll().where('id', '=', input.parentId).executeTakeFirst();
      if (!parent) throw appError('ORG_NOT_FOUND', '上级党组织不存在', { field: 'parentId' });
      if (ctx) assertInScope(parent.division_code, ctx.user.scope, '上级党组织');
      if (parent.kind === 'branch') throw appError('VALIDATION_FAILED', '党支部下不能再设党组织', { field: 'parentId' });
    }
    const id = await this.db.transaction().execute(async (tx) => {
      const { id: orgId } = await tx
        .insertInto('party_orgs')
        .values({ name, kind: input.kind, parent_id: input.parentId ?? null, division_code: division.code, created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.auditLog.append(tx, actor, { action: 'org.create', objectType: 'partyOrg', objectIds: [orgId], detail: { name, kind: input.kind } });
      return orgId;
    });
    const row = await this.db.selectFrom('party_orgs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return (await this.views([row]))[0]!;
  }

  private async views(rows: { id: number; name: string; kind: string; parent_id: number | null; division_code: string }[]): Promise<OrgView[]> {
    const names = await this.divisions.names(rows.map((r) => r.division_code));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind as OrgKind,
      kindLabel: orgKindLabels[r.kind as OrgKind] ?? r.kind,
      parentId: r.parent_id,
      divisionCode: r.division_code,
      divisionName: names.get(r.division_code) ?? r.division_code,
    }));
  }
}
