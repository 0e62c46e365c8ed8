/** Kysely table types: Hardship records. Add one property per table (name → row type). */
import type { ColumnType, Generated } from 'kysely';
import type { Id, NullableTimestamp, Timestamp } from '../schema.js';

type Json<T> = ColumnType<T, string, string>;

export interface HardshipThresholdsTable {
  year: number;
  dibao_fen: number;
  deep_pct: number;
  relative_pct: number;
  accident_pct: number | null;
  accident_cost_pct: number;
  note: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** The plain (non-sensitive) part of a household member; ID number and health are in sensitive_enc. */
export interface StoredHouseholdMember {
  id: number;
  name: string;
  relation: string;
  birthDate: string | null;
  age: number | null;
  idMasked: string | null;
  identity: string | null;
  employerOrSchool: string | null;
  healthRecorded: boolean;
}

export interface StoredMoneyItem {
  kind: string;
  amountFen: number;
  period: 'month' | 'year';
  note: string | null;
}

export interface StoredAccident {
  kind: string;
  consequence: string | null;
  occurredOn: string;
  costFen: number;
}

export interface HardshipRecordsTable {
  id: Id;
  person_id: number;
  org_id: number;
  status: Generated<string>;
  identity: string;
  main_cause: string;
  causes: string[];
  housing_type: string | null;
  medical_insurance: string | null;
  single_parent: Generated<boolean>;
  zero_employment: Generated<boolean>;
  household: Json<StoredHouseholdMember[]>;
  incomes: Json<StoredMoneyItem[]>;
  expenses: Json<StoredMoneyItem[]>;
  accident: Json<StoredAccident | null>;
  exclusions: Generated<string[]>;
  sensitive_enc: string;
  health_recorded: Generated<boolean>;
  note: string | null;
  tier: string;
  tier_year: number;
  per_capita_fen: number;
  household_size: number;
  annual_income_fen: number;
  annual_expense_fen: number;
  verified_at: NullableTimestamp;
  verified_by: number | null;
  last_reviewed_on: string;
  exited_at: NullableTimestamp;
  exited_by: number | null;
  exit_reason: string | null;
  exit_note: string | null;
  created_by: number | null;
  data_edited_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HardshipRecordEventsTable {
  id: Id;
  record_id: number;
  action: string;
  tier: string;
  tier_year: number;
  per_capita_fen: number;
  household_size: number;
  annual_income_fen: number;
  annual_expense_fen: number;
  comment: string | null;
  actor_user_id: number | null;
  actor_name: string | null;
  at: Timestamp;
}

export interface HardshipTables {
  hardship_thresholds: HardshipThresholdsTable;
  hardship_records: HardshipRecordsTable;
  hardship_record_events: HardshipRecordEventsTable;
}
