/** Kysely table types: attachments, notifications, applications (review workflow). */
import type { ColumnType, Generated } from 'kysely';
import type { Id, NullableTimestamp, Timestamp } from '../schema.js';

type Json<T> = ColumnType<T, string, string>;

export interface AttachmentsTable {
  id: Id;
  owner_type: string | null;
  owner_id: number | null;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number;
  created_at: Generated<Date>;
  linked_at: NullableTimestamp;
}

export interface NotificationsTable {
  id: Id;
  user_id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: Generated<Date>;
  read_at: NullableTimestamp;
}

/** One review step as resolved for an application when it was (re)submitted. */
export interface ResolvedStep {
  key: string;
  nameZh: string;
  nameEn: string;
  level: 'grassroots' | 'town' | 'district';
  orgId: number;
  orgName: string;
  orgPath: string;
  dueDays: number;
}

export interface WorkflowTypeConfigTable {
  type: string;
  steps: Json<unknown>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export type ApplicationStatus = 'in_review' | 'returned' | 'approved' | 'rejected' | 'withdrawn' | 'paid';

export interface ApplicationsTable {
  id: Id;
  type: string;
  org_id: number;
  person_id: number | null;
  applicant_user_id: number;
  title: string;
  amount_fen: number | null;
  approved_fen: number | null;
  period_key: string | null;
  status: ApplicationStatus;
  current_step: Generated<number>;
  /** the organisation whose reviewers act next (null once decided) */
  current_org_id: number | null;
  steps: Json<ResolvedStep[]>;
  step_due_at: NullableTimestamp;
  submitted_at: Generated<Date>;
  decided_at: NullableTimestamp;
  paid_at: NullableTimestamp;
  payment_batch_id: number | null;
  payee_name: string | null;
  payee_account_enc: string | null;
  payee_account_masked: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ApplicationEventsTable {
  id: Id;
  application_id: number;
  at: Generated<Date>;
  action: 'submit' | 'approve' | 'return' | 'reject' | 'resubmit' | 'withdraw' | 'pay';
  step: number | null;
  step_name: string | null;
  org_id: number | null;
  user_id: number | null;
  user_name: string | null;
  comment: string | null;
  from_status: string | null;
  to_status: string;
}

export interface WorkflowTables {
  attachments: AttachmentsTable;
  notifications: NotificationsTable;
  workflow_type_config: WorkflowTypeConfigTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
}
