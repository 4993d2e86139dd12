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
  /** The organizations issue (migration 0200). Labels and value lists: packages/domain/src/orgs. */
  host_kind: Generated<string>;
  formation: Generated<string>;
  attached_to_id: number | null;
  approval_power: Flag;
  /** Mobile organizations only: may it develop members (R-MIG-MOBILE-ORG-SCOPE); null otherwise. */
  may_develop: number | null;
  may_develop_decided_by: string | null;
  may_develop_decided_on: string | null;
  /** Mobile organizations only: where outside the city they are (a 12-digit division code). */
  located_division_code: string | null;
  status: Generated<string>;
  established_on: string | null;
  ended_on: string | null;
  merged_into_id: number | null;
  /** Ids from the root down, each padded to 10 digits: a subtree is one prefix range. */
  path: Generated<string>;
  /** Bumped on every change; writers compare it to refuse concurrent updates. */
  version: Generated<number>;
}

export interface PartyOrgEventTable {
  id: Id;
  org_id: number;
  kind: string;
  occurred_on: string;
  /** JSON: what changed (before/after, the other organization of a merge, the covered units). */
  detail: string;
  recorded_by: number | null;
  recorded_at: string;
}

export interface PartyOrgMemberTable {
  id: Id;
  org_id: number;
  name: string;
  person_id: number | null;
  membership: string;
  role: string;
  joined_on: string;
  left_on: string | null;
  left_reason: string | null;
  recorded_by: number | null;
  recorded_at: string;
}

export interface MobileOrgHomeAreaTable {
  org_id: number;
  division_code: string;
}

export interface NewOrgTable {
  id: Id;
  kind: string;
  name: string;
  uscc: string;
  industry: string;
  division_code: string;
  address: Generated<string>;
  employees: Generated<number>;
  party_members: Generated<number>;
  source: string;
  registered_on: string | null;
  deregistered_on: string | null;
  fingerprint: string;
  import_id: number | null;
  created_at: string;
  updated_at: string;
}

/** Which party organization covers a new organization, and how; dated, ended rather than deleted. */
export interface NewOrgCoverageTable {
  id: Id;
  new_org_id: number;
  party_org_id: number;
  formation: string;
  valid_from: string;
  valid_to: string | null;
  recorded_by: number | null;
  recorded_at: string;
}

export interface MicroOrgTable {
  id: Id;
  name: string;
  kind: string;
  division_code: string;
  guide_org_id: number | null;
  description: Generated<string>;
  founded_on: string;
  dissolved_on: string | null;
  created_by: number | null;
  created_at: string;
}

export interface MicroOrgBackboneTable {
  id: Id;
  micro_org_id: number;
  name: string;
  person_id: number | null;
  duty: Generated<string>;
  joined_on: string;
  left_on: string | null;
}

export interface MicroOrgReachTable {
  micro_org_id: number;
  person_id: number;
  since: string;
}

export interface MicroOrgActivityTable {
  id: Id;
  micro_org_id: number;
  held_on: string;
  kind: string;
  title: string;
  people_served: Generated<number>;
  problems_solved: Generated<number>;
  note: Generated<string>;
  recorded_by: number | null;
  recorded_at: string;
}

export interface MicroOrgActivityPersonTable {
  activity_id: number;
  person_id: number;
}

export interface Database {
  party_org_events: PartyOrgEventTable;
  party_org_members: PartyOrgMemberTable;
  mobile_org_home_areas: MobileOrgHomeAreaTable;
  new_orgs: NewOrgTable;
  new_org_coverage: NewOrgCoverageTable;
  micro_orgs: MicroOrgTable;
  micro_org_backbones: MicroOrgBackboneTable;
  micro_org_reach: MicroOrgReachTable;
  micro_org_activities: MicroOrgActivityTable;
  micro_org_activity_people: MicroOrgActivityPersonTable;
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

export interface PersonTable {
  id: Id;
  division_code: string;
  grid_id: number | null;
  name: string;
  name_pinyin: string;
  name_initials: string;
  id_number_enc: string | null;
  /** The ID number as every list shows it (first six and last four); null for rows written before migration 0300. */
  id_number_masked: ColumnType<string | null, string | null | undefined, string | null>;
  id_number_hash: string | null;
  id_last4: string | null;
  gender: string | null;
  birth_date: string | null;
  ethnicity: string | null;
  education: string | null;
  political_status: string | null;
  direction: string | null;
  moved_on: string | null;
  hukou_code: string | null;
  origin_code: string | null;
  destination_code: string | null;
  employer: string | null;
  occupation_group: string | null;
  hukou_at: string | null;
  movement_at: string | null;
  work_address_at: string | null;
  occupation_at: string | null;
  contact_at: string | null;
  merged_into: number | null;
  created_at: string;
  updated_at: string;
}

export interface PersonFactTable {
  id: Id;
  person_id: number;
  kind: string;
  value: string;
  value_hash: string;
  valid_from: string | null;
  recorded_at: string;
  source: string;
  recorded_by: number | null;
  import_id: number | null;
  status: ColumnType<string, string | undefined, string>;
  derived_from: number | null;
}

export interface PersonLookupTable {
  person_id: number;
  kind: string;
  hash: string;
}

export interface ImportTable {
  id: Id;
  source: string;
  file_name: string;
  file_hash: string;
  status: string;
  mapping: string;
  started_at: string;
  finished_at: string | null;
  rows: Flag;
  created: Flag;
  updated: Flag;
  unchanged: Flag;
  linked_without_id: Flag;
  queued_for_review: Flag;
  conflicts: Flag;
  rejected: Flag;
  actor_id: number | null;
  scope_division: string;
}

export interface ImportRejectionTable {
  id: Id;
  import_id: number;
  row_number: number;
  column_name: string;
  message: string;
}

export interface ReviewItemTable {
  id: Id;
  kind: string;
  status: string;
  division_code: string;
  person_id: number;
  candidate_id: number | null;
  fact_id: number | null;
  other_fact_id: number | null;
  score: number | null;
  explanation: string;
  import_id: number | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: number | null;
  resolution: string | null;
}

export interface PersonMergeTable {
  id: Id;
  survivor_id: number;
  merged_id: number;
  reason: string;
  at: string;
  by_user: number | null;
  undone_at: string | null;
  undone_by: number | null;
}

export interface ColumnMappingTable {
  id: Id;
  source: string;
  header_key: string;
  mapping: string;
  created_by: number | null;
  created_at: string;
}

export interface Database extends TalentTables {
  divisions: DivisionTable;
  grids: GridTable;
  grid_workers: GridWorkerTable;
  party_orgs: PartyOrgTable;
  users: UserTable;
  password_history: PasswordHistoryTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  people: PersonTable;
  person_facts: PersonFactTable;
  person_lookups: PersonLookupTable;
  imports: ImportTable;
  import_rejections: ImportRejectionTable;
  review_items: ReviewItemTable;
  person_merges: PersonMergeTable;
  column_mappings: ColumnMappingTable;
}

/** Dossier audit: the city's rule settings, one `xinxue-settings/1` document per version. */
export interface RuleSettingsTable {
  id: Id;
  document: string;
  reason: string;
  created_by: number | null;
  created_by_name: string;
  created_at: string;
}

/** Dossier audit: a year of the State Council holiday schedule as an administrator entered it. */
export interface CalendarOverrideTable {
  id: Id;
  year: number;
  holidays: string;
  make_up_workdays: string;
  source: string;
  entered_by: number | null;
  entered_by_name: string;
  entered_at: string;
}

// Declaration merging adds the tables above to the Database interface without editing it.
export interface Database extends TalentTables {
  rule_settings: RuleSettingsTable;
  calendar_overrides: CalendarOverrideTable;
}

export interface TalentEntryTable {
  id: Id;
  person_id: number;
  reason: string;
  nominated_by: string;
  found_via: string;
  flagged_by: number | null;
  flagged_at: string;
  withdrawn_at: string | null;
  withdrawn_by: number | null;
  withdrawn_reason: string | null;
}

export interface CultivationTargetTable {
  id: Id;
  person_id: number;
  owner_id: number;
  cadence_days: number;
  reserve_cadre: Flag;
  outbound_youth: Flag;
  status: string;
  started_on: string;
  applied_on: string | null;
  closed_at: string | null;
  closed_reason: string | null;
  created_by: number | null;
  created_at: string;
}

export interface ContactLogTable {
  id: Id;
  target_id: number;
  channel: string;
  contacted_on: string;
  note: string;
  recorded_by: number | null;
  recorded_at: string;
}

export interface TalentTables {
  talent_entries: TalentEntryTable;
  cultivation_targets: CultivationTargetTable;
  contact_logs: ContactLogTable;
}


/** Surveys (清查): a campaign over a set of grids; `division_code` is the area it was created for. */
export interface SurveyTable {
  id: Id;
  name: string;
  starts_on: string;
  due_on: string;
  division_code: string;
  status: 'open' | 'closed';
  created_by: number | null;
  created_at: string;
  /** Set while closed (migration 0310); cleared on reopening. */
  closed_at: string | null;
  closed_by: number | null;
}

/** A closed survey's figures per grid, frozen at the close (migration 0310). */
export interface SurveyGridResultTable {
  survey_id: number;
  grid_id: number;
  total: number;
  checked: number;
  confirmed: number;
  corrected: number;
  not_found: number;
  moved_away: number;
  complete: number;
}

export interface SurveyGridTable {
  survey_id: number;
  grid_id: number;
}

/** One check of a person in a survey; a re-check adds a row, the latest per survey and person counts. */
export interface SurveyCheckTable {
  id: Id;
  survey_id: number;
  person_id: number;
  grid_id: number | null;
  outcome: 'confirmed' | 'corrected' | 'notFound' | 'movedAway';
  note: string | null;
  destination: string | null;
  corrected_fields: string | null;
  checked_by: number | null;
  checked_at: string;
}

export interface Database {
  surveys: SurveyTable;
  survey_grids: SurveyGridTable;
  survey_checks: SurveyCheckTable;
  survey_grid_results: SurveyGridResultTable;
}

/** The development workflow (migration 0400): a dossier's `document` is its `xinxue-dossier/1` JSON. */
export interface DossierTable {
  id: Id;
  external_id: string;
  person_id: number;
  org_id: number;
  other_org_id: number | null;
  division_code: string;
  other_division_code: string | null;
  status: 'active' | 'withdrawn' | 'notRecognized' | 'member';
  current_step: number;
  document: string;
  pending: ColumnType<string, string | undefined, string>;
  opened_on: string;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** Append-only: steps with the findings at that moment, justifications, refusals, send-backs, withdrawals, imports. */
export interface DossierEventTable {
  id: Id;
  dossier_id: number;
  kind: string;
  step: number | null;
  occurred_on: string | null;
  detail: string;
  recorded_by: number | null;
  recorded_by_name: string;
  recorded_at: string;
}

/** Append-only: a scan or file attached to a step, stored under the data directory with its hash. */
export interface DossierDocumentTable {
  id: Id;
  dossier_id: number;
  step: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  stored_path: string;
  uploaded_by: number | null;
  uploaded_at: string;
}

/** Papers beside the steps (migration 0410): public notices (公示) with their end date in working days. */
export interface DossierNoticeTable {
  id: Id;
  dossier_id: number;
  stage: 'activist' | 'candidate' | 'admission' | 'confirmation';
  place: 'origin' | 'workplace' | 'unit' | 'residence';
  location: string;
  start_on: string;
  working_days: number;
  end_on: string;
  contact: string | null;
  note: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** An objection to a notice and its resolution (`upheld` null until resolved). */
export interface DossierNoticeObjectionTable {
  id: Id;
  notice_id: number;
  received_on: string;
  summary: string;
  resolved_on: string | null;
  resolution: string | null;
  upheld: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** 征求意见函 to the other place; answered with the four aspects (JSON), or still open. */
export interface DossierOpinionRequestTable {
  id: Id;
  dossier_id: number;
  stage: 'keyContact' | 'activist' | 'candidate' | 'admission' | 'confirmation';
  place: 'origin' | 'workplace';
  to_org_id: number | null;
  to_name: string;
  letter_no: string;
  sent_on: string;
  reply_by: string;
  answered_on: string | null;
  aspects: string | null;
  answer_note: string | null;
  answered_by_name: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  dossiers: DossierTable;
  dossier_events: DossierEventTable;
  dossier_documents: DossierDocumentTable;
  dossier_notices: DossierNoticeTable;
  dossier_notice_objections: DossierNoticeObjectionTable;
  dossier_opinion_requests: DossierOpinionRequestTable;
}
