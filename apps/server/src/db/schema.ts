import type { ColumnType, Generated } from 'kysely';

/**
 * Table types. Timestamps are ISO-8601 UTC text and flags are 0/1 integers on both engines, so
 * the same query code returns the same values on SQLite and PostgreSQL (docs/decisions/0002).
 */
type Id = Generated<number>;
type Flag = ColumnType<number, number | undefined, number>;

export interface DivisionTable {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  vintage: string;
}

export interface GridTable {
  id: Id;
  name: string;
  division_code: string;
  created_at: string;
  created_by: number | null;
  retired_at: string | null;
}

export interface GridWorkerTable {
  grid_id: number;
  user_id: number;
  assigned_at: string;
}

export interface PartyOrgTable {
  id: Id;
  name: string;
  kind: string;
  parent_id: number | null;
  division_code: string;
  created_at: string;
}

export interface UserTable {
  id: Id;
  username: string;
  display_name: string;
  role: string;
  scope_division: string;
  scope_org_id: number | null;
  password_hash: string;
  password_changed_at: string;
  phone_enc: string | null;
  phone_hash: string | null;
  totp_secret_enc: string | null;
  totp_enabled: Flag;
  failed_logins: Flag;
  locked_until: string | null;
  disabled: Flag;
  last_login_at: string | null;
  created_at: string;
}

export interface PasswordHistoryTable {
  id: Id;
  user_id: number;
  password_hash: string;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string;
  second_factor_done: Flag;
  revoked: Flag;
}

export interface AuditLogTable {
  id: Id;
  at: string;
  actor_id: number | null;
  actor_name: string;
  actor_role: string | null;
  ip: string;
  action: string;
  object_type: string | null;
  object_ids: string;
  outcome: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface Database {
  divisions: DivisionTable;
  grids: GridTable;
  grid_workers: GridWorkerTable;
  party_orgs: PartyOrgTable;
  users: UserTable;
  password_history: PasswordHistoryTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
}
