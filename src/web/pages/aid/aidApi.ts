/** Response shapes of /api/v1/aid/* and /api/v1/payments/* (server: src/server/modules/aid). */
import type { ApplicationView, ApplicationStatus } from '../workflow/types';
import type { AidType } from '../../../shared/aid/types';
import { yuanToFen } from '../../../shared/money';

export type { AidType };

export interface AidTypeRow {
  code: AidType;
  name: string;
  nameEn: string;
  rule: string;
  ruleEn: string;
  documents: { key: string; zh: string; en: string }[];
  periodKey: string;
  periodName: string;
  periodNameEn: string;
  amount: { capFen: number; fixedFen: number | null; thresholdFen: number | null; ratioBp: number | null } | null;
  needsAmount: boolean;
  open: boolean;
}

export interface AidRow {
  id: number;
  title: string;
  status: ApplicationStatus;
  aidType: AidType;
  aidTypeName: string;
  periodKey: string;
  periodName: string;
  personId: number;
  personName: string;
  idNumberMasked: string;
  orgId: number;
  orgName: string;
  amountFen: number | null;
  approvedFen: number | null;
  currentStepName: string | null;
  currentStepOrg: string | null;
  submittedAt: string;
  paidAt: string | null;
  paymentBatchId: number | null;
  campaignId: number | null;
}

export interface AidDetail extends ApplicationView {
  aid: {
    aidType: AidType;
    aidTypeName: string;
    aidTypeNameEn: string;
    periodKey: string;
    periodName: string;
    periodNameEn: string;
    reason: string;
    requestedFen: number | null;
    computedFen: number;
    amountSteps: { zh: string; en: string }[];
    details: Record<string, any>;
    hardshipTier: string | null;
    hardshipTierName: string | null;
    payeeBank: string | null;
    idNumberMasked: string | null;
    campaignId: number | null;
    campaignName: string | null;
    documents: { key: string; zh: string; en: string }[];
    attachments: { id: number; name: string; mime: string; size: number; createdAt: string }[];
    samePeriod: { id: number; status: ApplicationStatus; submittedAt: string }[];
  };
}

export interface YearRule {
  year: number;
  aidType: AidType;
  aidTypeName: string;
  aidTypeNameEn: string;
  capFen: number;
  fixedFen: number | null;
  thresholdFen: number | null;
  ratioBp: number | null;
  updatedAt: string;
}

export interface PayableRow {
  id: number;
  type: string;
  typeName: string;
  title: string;
  approvedFen: number;
  periodKey: string | null;
  decidedAt: string | null;
  payeeName: string | null;
  payeeAccount: string | null;
  orgName: string;
  personName: string | null;
}

export interface BatchRow {
  id: number;
  title: string;
  note: string | null;
  status: 'open' | 'paid';
  statusName: string;
  itemCount: number;
  totalFen: number;
  createdBy: string | null;
  createdAt: string;
  exportedAt: string | null;
  paidAt: string | null;
  paidOn: string | null;
  partial?: boolean;
}

export interface BatchDetail extends BatchRow {
  paidBy: string | null;
  visibleTotalFen: number;
  items: {
    seq: number;
    applicationId: number;
    type: string;
    typeName: string;
    title: string;
    status: ApplicationStatus;
    amountFen: number;
    personName: string | null;
    idNumberMasked: string | null;
    orgName: string;
    payeeName: string | null;
    payeeBank: string | null;
    payeeAccount: string | null;
    purpose: string;
  }[];
}

export interface CampaignRow {
  id: number;
  year: number;
  season: 'spring' | 'summer' | 'autumn' | 'winter';
  seasonName: string;
  seasonNameEn: string;
  name: string;
  orgId: number;
  orgName: string;
  budgetFen: number;
  targetGroups: string[];
  startsOn: string | null;
  endsOn: string | null;
  note: string | null;
  distributedFen: number;
  recipients: number;
  records: number;
  executionPercent: string | null;
}

export interface CampaignDetail extends CampaignRow {
  canEdit: boolean;
  partial: boolean;
  byKind: { kind: 'cash' | 'goods'; valueFen: number; recipients: number; records: number }[];
  byOrg: { orgId: number; orgName: string; valueFen: number; recipients: number }[];
}

export interface DistributionRow {
  id: number;
  kind: 'cash' | 'goods';
  valueFen: number;
  goods: string | null;
  recipientPersonId: number | null;
  recipientName: string | null;
  recipientCount: number;
  orgId: number;
  orgName: string;
  distributedBy: string | null;
  distributedOn: string;
  applicationId: number | null;
  note: string | null;
}

export interface FigureMeasures {
  applications: number;
  applicants: number;
  approved: number;
  inReview: number;
  rejected: number;
  approvedFen: number;
  paidFen: number;
}

export interface AidFigures {
  total: { applications: number; approved: number; approvedFen: number; paidFen: number };
  byType: (FigureMeasures & { aidType: AidType; name: string; nameEn: string })[];
  byPeriod: (FigureMeasures & { periodKey: string; name: string; nameEn: string })[];
  byOrg: (FigureMeasures & { orgId: number; name: string })[];
  campaigns: { id: number; name: string; year: number; season: string; seasonName: string; orgName: string; budgetFen: number; distributedFen: number; executionPercent: string | null }[];
}

/** An antd InputNumber in stringMode gives '1234.5'; money leaves the form as integer fen. */
export function fenOf(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  return yuanToFen(String(v));
}

/** The aid types in the order the forms list them (the server's /aid/types answers the same order). */
export const AID_TYPE_CODES: AidType[] = ['living', 'medical', 'education', 'winter', 'summer', 'temporary'];
