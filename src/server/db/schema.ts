import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { WorkflowTables } from './tables/workflow.js';
import type { ReformTaskTables } from './tables/reform-tasks.js';
import type { ReformWorkTables } from './tables/reform-work.js';
import type { HardshipTables } from './tables/hardship.js';
import type { AidTables } from './tables/aid.js';
import type { MutualAidTables } from './tables/mutual-aid.js';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type Id = Generated<number>;

export interface OrgsTable {
  id: Id;
  parent_id: number | null;
  path: string;
  depth: number;
  name: string;
  short_name: string | null;
  type: string;
  credit_code: string | null;
  division_code: string | null;
  founded_on: string | null;
  term: string | null;
  chair: string | null;
  address: string | null;
  phone: string | null;
  status: Generated<string>;
  closed_on: string | null;
  close_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EnterprisesTable {
  id: Id;
  credit_code: string;
  name: string;
  ownership: string | null;
  industry_code: string | null;
  division_code: string | null;
  employees: Generated<number>;
  union_established: Generated<boolean>;
  union_since: string | null;
  in_park: Generated<boolean>;
  listed: Generated<boolean>;
  org_id: number;
  address: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonsTable {
  id: Id;
  id_hash: string;
  id_enc: string;
  id_masked: string;
  name: string;
  name_grams: string[];
  gender: string | null;
  birth_date: string | null;
  ethnicity: string | null;
  education: string | null;
  political: string | null;
  household_type: string | null;
  residence_code: string | null;
  phone: string | null;
  employer_enterprise_id: number | null;
  employer_name: string | null;
  employment_status: string | null;
  occupation: string | null;
  skill_level: string | null;
  is_migrant: Generated<boolean>;
  is_industrial: Generated<boolean>;
  is_new_employment: Generated<boolean>;
  is_model_worker: Generated<boolean>;
  is_hardship: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  id: Id;
  person_id: number;
  org_id: number;
  enterprise_id: number | null;
  status: string;
  joined_on: string | null;
  join_method: string | null;
  card_no: string | null;
  status_reason: string | null;
  ended_on: string | null;
  import_id: number | null;
  import_row: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipTransfersTable {
  id: Id;
  person_id: number;
  from_membership_id: number;
  from_org_id: number;
  to_org_id: number;
  to_enterprise_id: number | null;
  reason: string | null;
  status: Generated<string>;
  requested_by: number | null;
  requested_at: Timestamp;
  decided_by: number | null;
  decided_at: NullableTimestamp;
  decision_note: string | null;
  new_membership_id: number | null;
}

export interface MembershipEventsTable {
  id: Id;
  person_id: number;
  membership_id: number | null;
  event: string;
  from_org_id: number | null;
  to_org_id: number | null;
  reason: string | null;
  actor_user_id: number | null;
  at: Timestamp;
}

export interface OrgMemberCountsTable {
  org_id: number;
  members: number;
  industrial: number;
  migrant: number;
  retained: number;
}

export interface UsersTable {
  id: Id;
  username: string;
  display_name: string | null;
  password_hash: string;
  role: string;
  org_id: number | null;
  person_id: number | null;
  permissions: Generated<string[]>;
  must_change_password: Generated<boolean>;
  password_changed_at: NullableTimestamp;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  disabled: Generated<boolean>;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Id;
  at: Timestamp;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  org_id: number | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  ip: string | null;
}

export interface ImportsTable {
  id: Id;
  kind: string;
  org_id: number;
  user_id: number | null;
  filename: string | null;
  status: Generated<string>;
  total: Generated<number>;
  imported: Generated<number>;
  rejected: Generated<number>;
  message: string | null;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface ImportErrorsTable {
  import_id: number;
  row_no: number;
  errors: unknown;
  row_values: unknown;
}

/** Tables of later modules are declared in ./tables/<module>.ts so modules never edit the same file. */
export interface DB extends WorkflowTables, ReformTaskTables, ReformWorkTables, HardshipTables, AidTables, MutualAidTables {
  orgs: OrgsTable;
  enterprises: EnterprisesTable;
  persons: PersonsTable;
  memberships: MembershipsTable;
  membership_transfers: MembershipTransfersTable;
  membership_events: MembershipEventsTable;
  org_member_counts: OrgMemberCountsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  imports: ImportsTable;
  import_errors: ImportErrorsTable;
}

export type Org = Selectable<OrgsTable>;
export type NewOrg = Insertable<OrgsTable>;
export type OrgUpdate = Updateable<OrgsTable>;
export type Enterprise = Selectable<EnterprisesTable>;
export type Person = Selectable<PersonsTable>;
export type Membership = Selectable<MembershipsTable>;
export type User = Selectable<UsersTable>;
export type Transfer = Selectable<MembershipTransfersTable>;
