/** Response shapes of /api/v1/hardship/* (server: src/server/modules/hardship). */
import type { Attachment } from '../../api';
import type { CodeEntry } from '../../../shared/codes/table';
import { HARDSHIP_TIERS, type HardshipTier } from '../../../shared/hardship/codes';
import type { HealthInfo } from '../../../shared/hardship/input';
import type { TierStep } from '../../../shared/hardship/tier';

export interface HardshipRow {
  id: number;
  personId: number;
  personName: string;
  idNumberMasked: string;
  orgId: number;
  orgName: string;
  status: 'open' | 'exited';
  tier: HardshipTier;
  tierName: string;
  causes: string[];
  causeNames: string[];
  perCapitaFen: number;
  householdSize: number;
  verified: boolean;
  lastReviewedOn: string;
  reviewDueOn: string;
  reviewDue: boolean;
  health: '***' | null;
}

export interface ThresholdRow {
  year: number;
  dibaoFen: number;
  deepPct: number;
  relativePct: number;
  accidentPct: number | null;
  accidentCostPct: number;
  note: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface MoneyRow { kind: string; kindName: string; amountFen: number; period: 'month' | 'year'; note: string | null }

export interface HardshipDetail {
  id: number;
  person: { id: number; name: string; gender: string | null; birthDate: string | null; idNumberMasked: string; employerName: string | null };
  orgId: number;
  orgName: string;
  status: 'open' | 'exited';
  statusName: string;
  identity: string;
  identityName: string;
  mainCause: string;
  causes: string[];
  causeNames: string[];
  housingType: string | null;
  housingTypeName: string | null;
  medicalInsurance: string | null;
  medicalInsuranceName: string | null;
  singleParent: boolean;
  zeroEmployment: boolean;
  health: '***' | null;
  household: { id: number; name: string; relation: string; relationName: string; birthDate: string | null; age: number | null; idNumberMasked: string | null; identity: string | null; employerOrSchool: string | null; health: '***' | null }[];
  incomes: MoneyRow[];
  expenses: MoneyRow[];
  accident: { kind: string; kindName: string; consequence: string | null; consequenceName: string | null; occurredOn: string; costFen: number; description: '***' } | null;
  exclusions: string[];
  exclusionNames: string[];
  note: string | null;
  assessment: { tier: HardshipTier; tierName: string; year: number; perCapitaFen: number; householdSize: number; annualIncomeFen: number; annualExpenseFen: number; lines: { deepFen: number; relativeFen: number; accidentFen: number | null } | null; steps: TierStep[]; thresholdsChanged: boolean };
  verified: boolean;
  verifiedAt: string | null;
  verifiedBy: string | null;
  createdAt: string;
  createdBy: string | null;
  lastReviewedOn: string;
  reviewDueOn: string;
  reviewDue: boolean;
  exitedAt: string | null;
  exitedBy: string | null;
  exitReasonName: string | null;
  exitNote: string | null;
  attachments: Attachment[];
  history: { id: number; action: string; actionName: string; tierName: string; tierYear: number; perCapitaFen: number; comment: string | null; by: string | null; at: string }[];
  canEdit: boolean;
  canVerify: boolean;
  canReview: boolean;
  canExit: boolean;
  canUnmask: boolean;
}

export interface Unmasked {
  health: HealthInfo | null;
  accidentDescription: string | null;
  household: { id: number; name: string; idNumber: string | null; health: HealthInfo | null }[];
}

export const tierColor = (t: string) => HARDSHIP_TIERS.find((x) => x.code === t)?.color ?? 'default';

export function label(table: readonly CodeEntry[], code: string | null | undefined, en: boolean): string {
  const e = table.find((x) => x.code === code);
  return e ? (en ? e.nameEn ?? e.name : e.name) : code ?? '';
}

export const options = (table: readonly CodeEntry[], en: boolean) => table.map((e) => ({ value: e.code, label: en ? e.nameEn ?? e.name : e.name }));
