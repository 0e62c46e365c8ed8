/** Kysely table types: Aid applications, payment batches, campaigns. Add one property per table (name → row type). */
import type { ColumnType, Generated } from 'kysely';
import type { Id, NullableTimestamp, Timestamp } from '../schema.js';

type Json<T> = ColumnType<T, string, string>;

export interface AidYearRulesTable {
  year: number;
  aid_type: string;
  cap_fen: number;
  fixed_fen: number | null;
  threshold_fen: number | null;
  ratio_bp: number | null;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface AidCampaignsTable {
  id: Id;
  year: number;
  season: string;
  name: string;
  org_id: number;
  budget_fen: number;
  target_groups: Generated<string[]>;
  starts_on: string | null;
  ends_on: string | null;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AidApplicationsTable {
  application_id: number;
  aid_type: string;
  period_key: string;
  person_id: number;
  org_id: number;
  reason: string;
  requested_fen: number | null;
  computed_fen: number;
  amount_steps: Json<{ zh: string; en: string }[]>;
  details: Json<Record<string, unknown>>;
  hardship_record_id: number | null;
  hardship_tier: string | null;
  payee_bank: string | null;
  campaign_id: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface PaymentBatchesTable {
  id: Id;
  title: string;
  note: string | null;
  status: Generated<'open' | 'paid'>;
  item_count: number;
  total_fen: number;
  created_by: number | null;
  created_at: Generated<Date>;
  exported_at: NullableTimestamp;
  paid_by: number | null;
  paid_at: NullableTimestamp;
  paid_on: string | null;
}

export interface PaymentBatchItemsTable {
  batch_id: number;
  application_id: number;
  seq: number;
  amount_fen: number;
}

export interface AidDistributionsTable {
  id: Id;
  campaign_id: number;
  kind: 'cash' | 'goods';
  value_fen: number;
  goods: string | null;
  recipient_person_id: number | null;
  recipient_text: string | null;
  recipient_count: Generated<number>;
  org_id: number;
  distributed_by: number | null;
  distributed_on: string;
  application_id: number | null;
  note: string | null;
  created_at: Generated<Date>;
}

export interface AidTables {
  aid_year_rules: AidYearRulesTable;
  aid_campaigns: AidCampaignsTable;
  aid_applications: AidApplicationsTable;
  payment_batches: PaymentBatchesTable;
  payment_batch_items: PaymentBatchItemsTable;
  aid_distributions: AidDistributionsTable;
}
