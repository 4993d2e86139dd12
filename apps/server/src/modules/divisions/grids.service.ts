import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { assertInScope, scopedTo, withinPrefix } from '../../lib/scope.ts';
import type { Actor, AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DivisionsService } from './divisions.service.ts';

export interface GridView {
  id: number;
  name: string;
  divisionCode: string;
  divisionName: string;
  workers: { id: number; displayName: string }[];
  createdAt: string;
}

/** Grids (网格): the smallest management cells, created by users under a village or community. */
export class GridsService {
  constructor(
    private readonly db: Db,
    private readonly divisions: DivisionsService,
    private readonly auditLog: AuditLogService,
  ) {}

  async list(ctx: RequestContext, within?: string): Promise<GridView[]> {
    let q = scopedTo(this.db.selectFrom('grids').selectAll(), 'division_code', ctx.user.scope).where('retired_at', 'is', null);
    if (within) q = withinPrefix(q, 'division_code', within);
    return this.views(await q.orderBy('division_code').orderBy('id').limit(2000).execute());
  }

  async get(ctx: RequestContext, id: number): Promise<GridView> {
    const row = await this.db.selectFrom('grids').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw appError('GRID_NOT_FOUND');
    assertInScope(row.division_code, ctx.user.scope, '该网格');
    const [view] = await this.views([row]);
    return view!;
  }

  async create(ctx: RequestContext | null, input: { name: string; divisionCode: string }, actor: Actor = actorOf(ctx!)): Promise<GridView> {
    const name = input.name.trim();
    if (!name || Array.from(name).length > 40) throw appError('VALIDATION_FAILED', '网格名称须为1至40个字', { field: 'name' });
    const village = await this.divisions.requireLevel(input.divisionCode, ['village'], 'divisionCode');
    if (ctx) assertInScope(village.code, ctx.user.scope, `“${village.name}”`);
    const id = await this.db.transaction().execute(async (tx) => {
      const clash = await tx.selectFrom('grids').select('id').where('division_code', '=', village.code).where('name', '=', name).executeTakeFirst();
      if (clash) throw appError('GRID_NAME_TAKEN', `“${village.name}”下已有名为“${name}”的网格`, { field: 'name' });
      const { id: gridId } = await tx
        .insertInto('grids')
        .values({ name, division_code: village.code, created_at: new Date().toISOString(), created_by: ctx?.user.id ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.auditLog.append(tx, actor, { action: 'grid.create', objectType: 'grid', objectIds: [gridId], detail: { name, divisionCode: village.code } });
      return gridId;
    });
    return ctx ? this.get(ctx, id) : (await this.views([(await this.db.selectFrom('grids').selectAll().where('id', '=', id).executeTakeFirstOrThrow())]))[0]!;
  }

  async assignWorker(ctx: RequestContext | null, gridId: number, userId: number, actor: Actor = actorOf(ctx!)): Promise<void> {
    const grid = await this.db.selectFrom('grids').selectAll().where('id', '=', gridId).executeTakeFirst();
    if (!grid) throw appError('GRID_NOT_FOUND');
    if (ctx) assertInScope(grid.division_code, ctx.user.scope, '该网格');
    const user = await this.db.selectFrom('users').select(['id', 'role', 'scope_division']).where('id', '=', userId).executeTakeFirst();
    if (!user) throw appError('USER_NOT_FOUND', undefined, { field: 'userId' });
    if (user.role !== 'gridWorker') throw appError('VALIDATION_FAILED', '只能指派角色为“网格员”的账号', { field: 'userId' });
    if (!grid.division_code.startsWith(user.scope_division)) throw appError('VALIDATION_FAILED', '该网格员的管辖范围不包含此网格', { field: 'userId' });
    await this.db.transaction().execute(async (tx) => {
      const existing = await tx.selectFrom('grid_workers').select('grid_id').where('grid_id', '=', gridId).where('user_id', '=', userId).executeTakeFirst();
      if (existing) return;
      await tx.insertInto('grid_workers').values({ grid_id: gridId, user_id: userId, assigned_at: new Date().toISOString() }).execute();
      await this.auditLog.append(tx, actor, { action: 'grid.worker.assign', objectType: 'grid', objectIds: [gridId], detail: { userId } });
    });
  }

  private async views(rows: { id: number; name: string; division_code: string; created_at: string }[]): Promise<GridView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const workers = await this.db
      .selectFrom('grid_workers')
      .innerJoin('users', 'users.id', 'grid_workers.user_id')
      .select(['grid_workers.grid_id', 'users.id', 'users.display_name'])
      .where('grid_workers.grid_id', 'in', ids)
      .execute();
    const names = await this.divisions.names(rows.map((r) => r.division_code));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      divisionCode: r.division_code,
      divisionName: names.get(r.division_code) ?? r.division_code,
      workers: workers.filter((w) => w.grid_id === r.id).map((w) => ({ id: w.id, displayName: w.display_name })),
      createdAt: r.created_at,
    }));
  }
}
