/** Kysely table types: Reform plans, tasks, progress, supervision. Add one property per table (name → row type). */
import type { Generated } from 'kysely';
import type { Id, NullableTimestamp, Timestamp } from '../schema.js';

export interface ReformPlansTable {
  id: Id;
  org_id: number;
  year: number;
  title: string;
  status: Generated<'draft' | 'published'>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ReformTasksTable {
  id: Id;
  plan_id: number;
  code: string;
  title: string;
  description: string | null;
  category: string;
  lead_org_id: number;
  start_on: string;
  deadline: string;
  report_cycle: Generated<'monthly' | 'quarterly'>;
  source: string | null;
  completed_on: string | null;
  completed_by: number | null;
  status: Generated<'on_track' | 'at_risk' | 'overdue' | 'done'>;
  status_late: Generated<boolean>;
  status_reasons: Generated<string[]>;
  status_recheck_on: string | null;
  done_on: string | null;
  official_percent: number | null;
  official_done_on: string | null;
  last_official_report_on: string | null;
  report_count: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ReformTaskCoUnitsTable {
  task_id: number;
  org_id: number;
}

export interface ReformMilestonesTable {
  id: Id;
  task_id: number;
  title: string;
  due_on: string;
  done_on: string | null;
  sort: Generated<number>;
}

export interface ReformIndicatorsTable {
  id: Id;
  task_id: number;
  name: string;
  unit: Generated<string>;
  target: number;
  actual: number | null;
  sort: Generated<number>;
}

export interface ReformProgressReportsTable {
  id: Id;
  task_id: number;
  org_id: number;
  period_key: string;
  content: string;
  percent: number;
  is_official: boolean;
  submitted_by: number | null;
  submitted_at: Timestamp;
  revision: Generated<number>;
}

export interface ReformReportIndicatorValuesTable {
  report_id: number;
  indicator_id: number;
  value: number;
}

export interface ReformSupervisionsTable {
  id: Id;
  task_id: number;
  issued_by: number | null;
  issued_at: Generated<Date>;
  reason: string;
  reply_due: string;
  reply_text: string | null;
  replied_by: number | null;
  replied_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  closed_by: number | null;
  close_note: string | null;
}

export interface ReformTaskTables {
  reform_plans: ReformPlansTable;
  reform_tasks: ReformTasksTable;
  reform_task_co_units: ReformTaskCoUnitsTable;
  reform_milestones: ReformMilestonesTable;
  reform_indicators: ReformIndicatorsTable;
  reform_progress_reports: ReformProgressReportsTable;
  reform_report_indicator_values: ReformReportIndicatorValuesTable;
  reform_supervisions: ReformSupervisionsTable;
}
