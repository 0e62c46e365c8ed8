/** Kysely table types: Reform groups, documents, meetings, budget, activities. Add one property per table (name → row type). */
import type { Generated } from 'kysely';
import type { Id, NullableTimestamp, Timestamp } from '../schema.js';

export interface ReformGroupsTable {
  id: Id;
  kind: string;
  name: string;
  term_no: number;
  start_year: number;
  end_year: number | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReformGroupMembersTable {
  id: Id;
  group_id: number;
  name: string;
  org_id: number;
  position_title: string | null;
  role: string;
  phone: string | null;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  previous_id: number | null;
  created_at: Timestamp;
}

export interface ReformDocumentsTable {
  id: Id;
  doc_type: string;
  title: string;
  issuer_org_id: number;
  doc_no: string;
  doc_no_year: number;
  doc_no_seq: number;
  issued_on: string;
  effective_on: string | null;
  summary: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActivitiesTable {
  id: Id;
  type: string;
  title: string;
  held_on: string;
  org_id: number;
  place: string | null;
  participant_count: number | null;
  summary: string | null;
  task_id: number | null;
  source_module: string | null;
  source_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActivityParticipantsTable {
  id: Id;
  activity_id: number;
  name: string;
  org_name: string | null;
}

export interface ReformMeetingsTable {
  id: Id;
  kind: string;
  title: string;
  held_on: string;
  place: string | null;
  org_id: number;
  host: string | null;
  minutes: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReformMeetingAttendeesTable {
  id: Id;
  meeting_id: number;
  org_id: number | null;
  name: string | null;
}

export interface ReformMeetingDecisionsTable {
  id: Id;
  meeting_id: number;
  seq: number;
  content: string;
  task_id: number | null;
}

export interface BudgetLinesTable {
  id: Id;
  year: number;
  name: string;
  amount_fen: number;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BudgetSpendingsTable {
  id: Id;
  line_id: number;
  spent_on: string;
  amount_fen: number;
  payee: string;
  purpose: string;
  activity_id: number | null;
  task_id: number | null;
  over_budget: Generated<boolean>;
  over_reason: string | null;
  voided_at: NullableTimestamp;
  void_reason: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ReformWorkTables {
  reform_groups: ReformGroupsTable;
  reform_group_members: ReformGroupMembersTable;
  reform_documents: ReformDocumentsTable;
  activities: ActivitiesTable;
  activity_participants: ActivityParticipantsTable;
  reform_meetings: ReformMeetingsTable;
  reform_meeting_attendees: ReformMeetingAttendeesTable;
  reform_meeting_decisions: ReformMeetingDecisionsTable;
  budget_lines: BudgetLinesTable;
  budget_spendings: BudgetSpendingsTable;
}
