import {
  hasPermission,
  maskPhone,
  parsePhone,
  PASSWORD_HISTORY,
  passwordProblems,
  type Role,
  roleLabels,
  roles,
  toDivisionCode12,
  divisionPrefix,
  isWithinScope,
} from '@xinxue/domain';
import type { Db } from '../../db/database.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import { appError } from '../../lib/errors.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import type { RequestContext } from '../../lib/context.ts';
import { engineOf, likeOperator } from '../../db/dialect.ts';
import { withinPrefix } from '../../lib/scope.ts';
import { actorOf } from '../../lib/context.ts';
import type { Actor, AuditLogService } from '../audit-log/audit-log.service.ts';
import { UsersRepository } from './users.repository.ts';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  /** A division code (2–12 digits); stored as its meaningful prefix. */
  scopeDivision: string;
  password: string;
  phone?: string | undefined;
  /** Optionally narrows the scope to a party organization and its subtree (`users.scope_org_id`). */
  scopeOrgId?: number | null | undefined;
}

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  scopeDivision: string;
  scopeName: string;
  scopeOrgId: number | null;
  scopeOrgName: string | null;
  phoneMasked: string | null;
  totpEnabled: boolean;
  locked: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
}

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;

export class UsersService {
  readonly repo: UsersRepository;

  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
    private readonly auditLog: AuditLogService,
  ) {
    this.repo = new UsersRepository(db);
  }

  /** Validates a scope code against the division table and returns its prefix and name. */
  async resolveScope(code: string): Promise<{ prefix: string; name: string }> {
    const code12 = toDivisionCode12(code);
    const division = code12 ? await this.db.selectFrom('divisions').select(['code', 'name']).where('code', '=', code12).executeTakeFirst() : undefined;
    if (!division) throw appError('DIVISION_NOT_FOUND', `管辖范围“${code}”不是有效的行政区划代码`, { field: 'scopeDivision' });
    return { prefix: divisionPrefix(division.code), name: division.name };
  }

  /** Creates an account. `ctx` is null for the command line, which acts as the local operator. */
  async create(input: NewUser, actor: Actor, creatorScope?: string): Promise<UserView> {
    if (!USERNAME_PATTERN.test(input.username)) {
      throw appError('VALIDATION_FAILED', '登录名须以小写字母开头，由3至32位小写字母、数字、下划线、点或横线组成', { field: 'username' });
    }
    if (!roles.includes(input.role)) throw appError('VALIDATION_FAILED', `角色“${input.role}”不存在`, { field: 'role' });
    const displayName = input.displayName.trim();
    if (!displayName || Array.from(displayName).length > 50) throw appError('VALIDATION_FAILED', '姓名须为1至50个字', { field: 'displayName' });
    const problems = passwordProblems(input.password, input.username);
    if (problems.length) throw appError('WEAK_PASSWORD', problems.join('；'), { field: 'password' });
    const scope = await this.resolveScope(input.scopeDivision);
    if (creatorScope !== undefined && !isWithinScope(scope.prefix.padEnd(12, '0'), creatorScope)) {
      throw appError('OUT_OF_SCOPE', '不能创建超出本人管辖范围的账号', { field: 'scopeDivision' });
    }
    const scopeOrgId = input.scopeOrgId ? await this.checkScopeOrg(input.scopeOrgId, scope.prefix, creatorScope) : null;
    let phoneEnc: string | null = null;
    let phoneHash: string | null = null;
    if (input.phone) {
      const phone = parsePhone(input.phone);
      if (!phone.ok) throw appError('VALIDATION_FAILED', phone.message, { field: 'phone' });
      phoneEnc = this.crypto.encrypt(phone.value);
      phoneHash = this.crypto.lookupHash(phone.value);
    }
    const passwordHash = await hashPassword(input.password);
    const now = new Date().toISOString();
    const id = await this.db.transaction().execute(async (tx) => {
      if (await this.repo.findByUsername(tx, input.username)) throw appError('USERNAME_TAKEN', `登录名“${input.username}”已被使用`, { field: 'username' });
      const userId = await this.repo.insert(tx, {
        username: input.username,
        display_name: displayName,
        role: input.role,
        scope_division: scope.prefix,
        scope_org_id: scopeOrgId,
        password_hash: passwordHash,
        password_changed_at: now,
        phone_enc: phoneEnc,
        phone_hash: phoneHash,
        created_at: now,
      });
      await this.repo.addPasswordHistory(tx, userId, passwordHash, now);
      await this.auditLog.append(tx, actor, {
        action: 'user.create',
        objectType: 'user',
        objectIds: [userId],
        detail: { username: input.username, role: input.role, scope: scope.prefix, scopeOrgId },
      });
      return userId;
    });
    return this.view(id);
  }

  async view(id: number): Promise<UserView> {
    const user = await this.repo.findById(this.db, id);
    if (!user) throw appError('USER_NOT_FOUND');
    return this.toView(user, await this.scopeName(user.scope_division), await this.orgNames([user.scope_org_id]));
  }

  async list(ctx: RequestContext): Promise<UserView[]> {
    const rows = await this.repo.listInScope(ctx.user.scope);
    const codes = await this.db.selectFrom('divisions').select(['code', 'name']).where('code', 'in', [...new Set(rows.map((r) => r.scope_division.padEnd(12, '0')))].concat([''])).execute();
    const names = new Map(codes.map((c) => [c.code, c.name]));
    const orgNames = await this.orgNames(rows.map((r) => r.scope_org_id));
    return rows.map((r) => this.toView(r, names.get(r.scope_division.padEnd(12, '0')) ?? r.scope_division, orgNames));
  }

  /**
   * Narrows (or, with null, widens back) a user's scope to a party organization's subtree. The
   * organization must be active and overlap both the user's and the administrator's division scope.
   */
  async setScopeOrg(ctx: RequestContext, id: number, orgId: number | null): Promise<UserView> {
    const user = await this.loadInScope(ctx, id);
    const scopeOrgId = orgId === null ? null : await this.checkScopeOrg(orgId, user.scope_division, ctx.user.scope.divisionPrefix);
    await this.db.transaction().execute(async (tx) => {
      await this.repo.update(tx, id, { scope_org_id: scopeOrgId });
      await this.auditLog.append(tx, actorOf(ctx), { action: 'user.scopeOrg', objectType: 'user', objectIds: [id], detail: { from: user.scope_org_id, to: scopeOrgId } });
    });
    return this.view(id);
  }

  /** Active organizations an administrator may offer as an org scope (names only, within their divisions). */
  async orgOptions(ctx: RequestContext, q: string | undefined, within: string | undefined) {
    let query = withinPrefix(this.db.selectFrom('party_orgs').select(['id', 'name', 'division_code']).where('status', '=', 'active'), 'division_code', ctx.user.scope.divisionPrefix);
    if (within && /^\d{2,12}$/.test(within)) query = withinPrefix(query, 'division_code', within);
    if (q?.trim()) query = query.where('name', likeOperator(engineOf(this.db)), `%${q.trim()}%`);
    const rows = await query.orderBy('path').limit(30).execute();
    const divisions = await this.db.selectFrom('divisions').select(['code', 'name']).where('code', 'in', [...new Set(rows.map((r) => r.division_code))].concat([''])).execute();
    const names = new Map(divisions.map((d) => [d.code, d.name]));
    return rows.map((r) => ({ id: r.id, name: r.name, divisionName: names.get(r.division_code) ?? r.division_code }));
  }

  private async checkScopeOrg(orgId: number, userScope: string, creatorScope: string | undefined): Promise<number> {
    const org = await this.db.selectFrom('party_orgs').select(['id', 'name', 'division_code', 'status']).where('id', '=', orgId).executeTakeFirst();
    if (!org) throw appError('ORG_NOT_FOUND', '作为管辖范围的党组织不存在', { field: 'scopeOrgId' });
    if (creatorScope !== undefined && !isWithinScope(org.division_code, creatorScope)) throw appError('OUT_OF_SCOPE', '该党组织不在您的管辖范围内', { field: 'scopeOrgId' });
    if (org.status !== 'active') throw appError('VALIDATION_FAILED', `“${org.name}”已合并或撤销，不能作为管辖范围`, { field: 'scopeOrgId' });
    // Divisions AND subtree: disjoint ones would leave the account seeing nothing.
    const overlaps = isWithinScope(org.division_code, userScope) || isWithinScope(userScope.padEnd(12, '0'), divisionPrefix(org.division_code));
    if (!overlaps) throw appError('VALIDATION_FAILED', `“${org.name}”不在该账号的区划管辖范围内`, { field: 'scopeOrgId' });
    return org.id;
  }

  private async orgNames(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    if (!wanted.length) return new Map();
    const rows = await this.db.selectFrom('party_orgs').select(['id', 'name']).where('id', 'in', wanted).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Shows a user's phone in full: needs users:security and a reason, and is logged. */
  async revealPhone(ctx: RequestContext, id: number, reason: string): Promise<string | null> {
    if (!hasPermission(ctx.user.role, 'users:security')) throw appError('FORBIDDEN');
    if (reason.trim().length < 4) throw appError('REASON_REQUIRED', '查看完整信息须填写不少于4个字的理由', { field: 'reason' });
    const user = await this.loadInScope(ctx, id);
    await this.auditLog.record(actorOf(ctx), { action: 'user.reveal', objectType: 'user', objectIds: [id], detail: { field: 'phone', reason: reason.trim() } });
    return user.phone_enc ? this.crypto.decrypt(user.phone_enc) : null;
  }

  async unlock(ctx: RequestContext, id: number): Promise<UserView> {
    await this.loadInScope(ctx, id);
    await this.db.transaction().execute(async (tx) => {
      await this.repo.update(tx, id, { failed_logins: 0, locked_until: null });
      await this.auditLog.append(tx, actorOf(ctx), { action: 'user.unlock', objectType: 'user', objectIds: [id] });
    });
    return this.view(id);
  }

  async setDisabled(ctx: RequestContext, id: number, disabled: boolean): Promise<UserView> {
    await this.loadInScope(ctx, id);
    if (id === ctx.user.id) throw appError('BAD_REQUEST', '不能停用自己的账号');
    await this.db.transaction().execute(async (tx) => {
      // Re-enabling restarts the inactivity clock, or the next login would disable it again.
      await this.repo.update(tx, id, disabled ? { disabled: 1 } : { disabled: 0, last_login_at: new Date().toISOString() });
      if (disabled) await tx.updateTable('sessions').set({ revoked: 1 }).where('user_id', '=', id).execute();
      await this.auditLog.append(tx, actorOf(ctx), { action: disabled ? 'user.disable' : 'user.enable', objectType: 'user', objectIds: [id] });
    });
    return this.view(id);
  }

  async changeOwnPassword(userId: number, currentPassword: string, newPassword: string, actor: Actor): Promise<void> {
    const user = await this.repo.findById(this.db, userId);
    if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
      throw appError('BAD_CREDENTIALS', '当前密码不正确', { field: 'currentPassword' });
    }
    await this.changePassword(userId, newPassword, actor);
  }

  /** Changes a password, enforcing complexity and the last-5 history (SEC-02). */
  async changePassword(userId: number, newPassword: string, actor: Actor): Promise<void> {
    const user = await this.repo.findById(this.db, userId);
    if (!user) throw appError('USER_NOT_FOUND');
    const problems = passwordProblems(newPassword, user.username);
    if (problems.length) throw appError('WEAK_PASSWORD', problems.join('；'), { field: 'newPassword' });
    for (const old of await this.repo.recentPasswordHashes(this.db, userId, PASSWORD_HISTORY)) {
      if (await verifyPassword(old.password_hash, newPassword)) throw appError('PASSWORD_REUSED', undefined, { field: 'newPassword' });
    }
    const passwordHash = await hashPassword(newPassword);
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (tx) => {
      await this.repo.update(tx, userId, { password_hash: passwordHash, password_changed_at: now });
      await this.repo.addPasswordHistory(tx, userId, passwordHash, now);
      await this.auditLog.append(tx, actor, { action: 'user.password.change', objectType: 'user', objectIds: [userId] });
    });
  }

  private async loadInScope(ctx: RequestContext, id: number) {
    const user = await this.repo.findById(this.db, id);
    if (!user) throw appError('USER_NOT_FOUND');
    if (!isWithinScope(user.scope_division.padEnd(12, '0'), ctx.user.scope.divisionPrefix)) throw appError('OUT_OF_SCOPE', '该账号不在您的管辖范围内');
    return user;
  }

  private async scopeName(prefix: string): Promise<string> {
    const d = await this.db.selectFrom('divisions').select('name').where('code', '=', prefix.padEnd(12, '0')).executeTakeFirst();
    return d?.name ?? prefix;
  }

  private toView(user: NonNullable<Awaited<ReturnType<UsersRepository['findById']>>>, scopeName: string, orgNames: Map<number, string> = new Map()): UserView {
    const phone = user.phone_enc ? this.crypto.decrypt(user.phone_enc) : null;
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role as Role,
      roleLabel: roleLabels[user.role as Role] ?? user.role,
      scopeDivision: user.scope_division,
      scopeName,
      scopeOrgId: user.scope_org_id,
      scopeOrgName: user.scope_org_id ? (orgNames.get(user.scope_org_id) ?? null) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      totpEnabled: user.totp_enabled === 1,
      locked: !!user.locked_until && user.locked_until > new Date().toISOString(),
      disabled: user.disabled === 1,
      lastLoginAt: user.last_login_at,
    };
  }
}
