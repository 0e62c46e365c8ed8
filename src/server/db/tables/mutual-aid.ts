/** Kysely table types: Mutual-aid plans, enrolments, claims. */
import type { ColumnType, Generated } from 'kysely';
import type { Id, Timestamp } from '../schema.js';
import type { ClaimCalc, DeductibleBasis } from '../../../shared/mutual-aid/reimbursement.js';

export type PlanKind = 'hospital' | 'critical_illness' | 'accident' | 'female_special' | 'other';

export interface MutualAidPlansTable {
  id: Id;
  year: number;
  name: string;
  kind: PlanKind;
  premium_fen: number;
  deductible_fen: number;
  deductible_basis: DeductibleBasis;
  ratio_bp: number;
  cap_per_claim_fen: number | null;
  cap_per_year_fen: number | null;
  waiting_days: number;
  status: Generated<'open' | 'closed'>;
  description: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface MutualAidEnrolmentsTable {
  id: Id;
  plan_id: number;
  person_id: number;
  org_id: number;
  enterprise_id: number | null;
  enrolled_on: string;
  premium_fen: number;
  status: Generated<'active' | 'cancelled'>;
  cancelled_on: string | null;
  cancel_reason: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface MutualAidClaimsTable {
  application_id: number;
  plan_id: number;
  enrolment_id: number;
  person_id: number;
  diagnosis: string;
  base_fen: number;
  deductible_applied_fen: number;
  eligible_fen: number;
  calc: ColumnType<ClaimCalc, string, string>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface MutualAidClaimBillsTable {
  id: Id;
  application_id: number;
  seq: number;
  hospital: string;
  visit_date: string;
  discharge_date: string | null;
  total_fen: number;
  insurance_paid_fen: number;
  self_paid_fen: number;
  base_fen: number;
}

export interface MutualAidTables {
  mutual_aid_plans: MutualAidPlansTable;
  mutual_aid_enrolments: MutualAidEnrolmentsTable;
  mutual_aid_claims: MutualAidClaimsTable;
  mutual_aid_claim_bills: MutualAidClaimBillsTable;
}
