import { requiresTotp, type Role } from '@xinxue/domain';
import * as OTPAuth from 'otpauth';
import type { Db } from '../../db/database.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import { appError } from '../../lib/errors.ts';
import { burnVerifyTime, verifyPassword } from '../../lib/passwords.ts';
import type { CurrentUser } from '../../lib/scope.ts';
import type { Actor, AuditLogService } from '../audit-log/audit-log.service.ts';
import type { UsersRepository } from '../users/users.repository.ts';
import { hashToken, newToken } from './session-token.ts';

/**
 * Login, second factor, sessions (SEC-03, SEC-04): five consecutive failures lock the account for
 * 30 minutes; an idle session expires; administrators must use TOTP, others may.
 */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 30;
export const PASSWORD_MAX_AGE_DAYS = 90;
/** Accounts unused this long are disabled at their next login attempt (SEC-01). */
export const INACTIVE_DISABLE_DAYS = 90;

export type LoginNext = 'done' | 'totp' | 'totpSetup';

export interface LoginResult {
  token: string;
  csrfToken: string;
  next: LoginNext;
}

export interface SessionInfo {
  user: CurrentUser;
  csrfToken: string;
  secondFactorDone: boolean;
  totpEnabled: boolean;
  passwordExpired: boolean;
  sessionId: string;
}

export interface AuthSettings {
  sessionIdleMinutes: number;
  issuer: string;
}

const minutesFrom = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
    private readonly auditLog: AuditLogService,
    private readonly users: UsersRepository,
    private readonly settings: AuthSettings,
  ) {}

  async login(username: string, password: string, client: { ip: string; userAgent: string }): Promise<LoginResult> {
    const anonymous: Actor = { id: null, name: username.slice(0, 64), role: null, ip: client.ip };
    const user = await this.users.findByUsername(this.db, username);
    if (!user) {
      await burnVerifyTime(password);
      await this.auditLog.record(anonymous, { action: 'auth.login', outcome: 'failure', detail: { reason: 'unknownUser' } });
      throw appError('BAD_CREDENTIALS');
    }
    const actor: Actor = { id: user.id, name: user.username, role: user.role, ip: client.ip };
    const now = new Date().toISOString();
    if (user.disabled) {
      await this.auditLog.record(actor, { action: 'auth.login', outcome: 'denied', objectType: 'user', objectIds: [user.id], detail: { reason: 'disabled' } });
      throw appError('ACCOUNT_DISABLED');
    }
    if (minutesFrom(user.last_login_at ?? user.created_at, INACTIVE_DISABLE_DAYS * 24 * 60) < now) {
      await this.db.transaction().execute(async (tx) => {
        await tx.updateTable('users').set({ disabled: 1 }).where('id', '=', user.id).execute();
        await this.auditLog.append(tx, actor, { action: 'user.disable', outcome: 'success', objectType: 'user', objectIds: [user.id], detail: { reason: 'inactive', days: INACTIVE_DISABLE_DAYS } });
      });
      throw appError('ACCOUNT_DISABLED', `账号已超过${INACTIVE_DISABLE_DAYS}天未使用，已自动停用，请联系安全管理员启用`);
    }
    if (user.locked_until && user.locked_until > now) {
      await this.auditLog.record(actor, { action: 'auth.login', outcome: 'denied', objectType: 'user', objectIds: [user.id], detail: { reason: 'locked' } });
      throw this.lockedError(user.locked_until);
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      await this.recordFailure(user.id, actor, 'badPassword');
      throw appError('BAD_CREDENTIALS');
    }
    const needsTotp = requiresTotp(user.role as Role) || user.totp_enabled === 1;
    const token = newToken();
    const csrfToken = newToken();
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', user.id).execute();
      await tx
        .insertInto('sessions')
        .values({
          id: hashToken(token),
          user_id: user.id,
          csrf_token: csrfToken,
          created_at: now,
          last_seen_at: now,
          ip: client.ip,
          user_agent: client.userAgent.slice(0, 300),
          second_factor_done: needsTotp ? 0 : 1,
        })
        .execute();
      await this.auditLog.append(tx, actor, { action: 'auth.login', objectType: 'user', objectIds: [user.id], detail: { secondFactorPending: needsTotp } });
    });
    return { token, csrfToken, next: !needsTotp ? 'done' : user.totp_enabled === 1 ? 'totp' : 'totpSetup' };
  }

  /** Counts a failed password or TOTP; the fifth in a row locks the account. */
  private async recordFailure(userId: number, actor: Actor, reason: string): Promise<void> {
    const lockedUntil = await this.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('users').select('failed_logins').where('id', '=', userId).executeTakeFirstOrThrow();
      const failed = row.failed_logins + 1;
      const lock = failed >= MAX_FAILED_LOGINS ? minutesFrom(new Date().toISOString(), LOCK_MINUTES) : null;
      await tx.updateTable('users').set({ failed_logins: lock ? 0 : failed, ...(lock ? { locked_until: lock } : {}) }).where('id', '=', userId).execute();
      await this.auditLog.append(tx, actor, { action: 'auth.login', outcome: 'failure', objectType: 'user', objectIds: [userId], detail: { reason, consecutiveFailures: failed } });
      if (lock) await this.auditLog.append(tx, actor, { action: 'auth.lock', objectType: 'user', objectIds: [userId], detail: { until: lock } });
      return lock;
    });
    if (lockedUntil) throw this.lockedError(lockedUntil);
  }

  private lockedError(until: string) {
    const local = new Date(until).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    return appError('ACCOUNT_LOCKED', `连续${MAX_FAILED_LOGINS}次登录失败，账号已锁定至 ${local}，或请安全管理员解锁`, { details: { lockedUntil: until } });
  }

  /** Resolves a session cookie; refuses expired (idle) and revoked sessions. */
  async resolveSession(token: string): Promise<SessionInfo> {
    const id = hashToken(token);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      // An org-scoped user's subtree is their organization's path range (lib/scope.ts scopedOrgs).
      .leftJoin('party_orgs as scope_org', 'scope_org.id', 'users.scope_org_id')
      .select([
        'sessions.id as sessionId', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.second_factor_done', 'sessions.revoked',
        'users.id', 'users.username', 'users.display_name', 'users.role', 'users.scope_division', 'users.scope_org_id',
        'users.disabled', 'users.totp_enabled', 'users.password_changed_at', 'scope_org.path as scope_org_path',
      ])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!row || row.revoked || row.disabled) throw appError('UNAUTHENTICATED');
    const now = new Date().toISOString();
    if (minutesFrom(row.last_seen_at, this.settings.sessionIdleMinutes) < now) {
      await this.db.updateTable('sessions').set({ revoked: 1 }).where('id', '=', id).execute();
      throw appError('SESSION_EXPIRED');
    }
    // Touch at most once a minute: the idle clock needs no finer grain, and reads stay reads.
    if (minutesFrom(row.last_seen_at, 1) < now) await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
    return {
      sessionId: row.sessionId,
      csrfToken: row.csrf_token,
      secondFactorDone: row.second_factor_done === 1,
      totpEnabled: row.totp_enabled === 1,
      passwordExpired: minutesFrom(row.password_changed_at, PASSWORD_MAX_AGE_DAYS * 24 * 60) < now,
      user: {
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role as Role,
        scope: { divisionPrefix: row.scope_division, orgId: row.scope_org_id, orgPath: row.scope_org_id ? (row.scope_org_path ?? null) : null, gridWorkerId: row.role === 'gridWorker' ? row.id : null },
      },
    };
  }

  async logout(session: SessionInfo, ip: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('sessions').set({ revoked: 1 }).where('id', '=', session.sessionId).execute();
      await this.auditLog.append(tx, { id: session.user.id, name: session.user.username, role: session.user.role, ip }, { action: 'auth.logout', objectType: 'user', objectIds: [session.user.id] });
    });
  }

  private totpFor(username: string, secretBase32: string) {
    return new OTPAuth.TOTP({ issuer: this.settings.issuer, label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secretBase32) });
  }

  /** Starts (or restarts) enrolment: a new secret, stored encrypted, enabled once a code verifies. */
  async beginTotpSetup(session: SessionInfo, ip: string): Promise<{ secret: string; otpauthUrl: string }> {
    const user = await this.users.findById(this.db, session.user.id);
    if (!user) throw appError('UNAUTHENTICATED');
    if (user.totp_enabled === 1 && !session.secondFactorDone) throw appError('SECOND_FACTOR_REQUIRED');
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ totp_secret_enc: this.crypto.encrypt(secret), totp_enabled: 0 }).where('id', '=', user.id).execute();
      await this.auditLog.append(tx, { id: user.id, name: user.username, role: user.role, ip }, { action: 'auth.totp.setup', objectType: 'user', objectIds: [user.id] });
    });
    return { secret, otpauthUrl: this.totpFor(user.username, secret).toString() };
  }

  /** Checks a TOTP code: completes a pending login, and enables TOTP after enrolment. */
  async verifyTotp(session: SessionInfo, code: string, ip: string): Promise<void> {
    const user = await this.users.findById(this.db, session.user.id);
    if (!user?.totp_secret_enc) throw appError('BAD_REQUEST', '尚未设置动态口令');
    const actor: Actor = { id: user.id, name: user.username, role: user.role, ip };
    if (user.locked_until && user.locked_until > new Date().toISOString()) throw this.lockedError(user.locked_until);
    const ok = this.totpFor(user.username, this.crypto.decrypt(user.totp_secret_enc)).validate({ token: code.trim(), window: 1 }) !== null;
    if (!ok) {
      await this.recordFailure(user.id, actor, 'badTotp');
      throw appError('BAD_TOTP');
    }
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ totp_enabled: 1, failed_logins: 0 }).where('id', '=', user.id).execute();
      await tx.updateTable('sessions').set({ second_factor_done: 1 }).where('id', '=', session.sessionId).execute();
      await this.auditLog.append(tx, actor, { action: user.totp_enabled ? 'auth.totp.verify' : 'auth.totp.enable', objectType: 'user', objectIds: [user.id] });
    });
  }
}
