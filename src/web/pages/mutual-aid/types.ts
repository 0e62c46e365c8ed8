/** Response shapes of /api/v1/mutual-aid (src/server/modules/mutual-aid) and money helpers for the forms. */
import type { ClaimCalc } from '../../../shared/mutual-aid/reimbursement';
import type { ApplicationView } from '../workflow/types';
export { yuan, ratioText } from '../../../shared/mutual-aid/reimbursement';
export type { ClaimCalc, ApplicationView };

export type PlanKind = 'hospital' | 'critical_illness' | 'accident' | 'female_special' | 'other';

export const PLAN_KINDS: { value: PlanKind; zh: string; en: string }[] = [
  { value: 'hospital', zh: '住院医疗', en: 'Hospitalisation' },
  { value: 'critical_illness', zh: '重大疾病', en: 'Critical illness' },
  { value: 'accident', zh: '意外伤害', en: 'Accident' },
  { value: 'female_special', zh: '女职工特殊疾病', en: "Women's special illness" },
  { value: 'other', zh: '其他', en: 'Other' },
];

export interface Plan {
  id: number;
  year: number;
  name: string;
  kind: PlanKind;
  kindName: string;
  premiumFen: number;
  deductibleFen: number;
  deductibleBasis: 'per_claim' | 'per_year';
  ratioBp: number;
  capPerClaimFen: number | null;
  capPerYearFen: number | null;
  waitingDays: number;
  status: 'open' | 'closed';
  description: string | null;
  enrolled?: number;
}

export interface Enrolment {
  id: number;
  planId: number;
  planName: string;
  year: number;
  personId: number;
  personName: string;
  idNumberMasked: string;
  orgId: number;
  orgName: string;
  enrolledOn: string;
  premiumFen: number;
  status: 'active' | 'cancelled';
  statusName: string;
  cancelledOn: string | null;
  cancelReason: string | null;
}

export type AppStatus = 'in_review' | 'returned' | 'approved' | 'rejected' | 'withdrawn' | 'paid';

export const STATUS: Record<AppStatus, { zh: string; en: string; color: string }> = {
  in_review: { zh: '审批中', en: 'In review', color: 'processing' },
  returned: { zh: '已退回修改', en: 'Returned', color: 'warning' },
  approved: { zh: '已批准', en: 'Approved', color: 'success' },
  rejected: { zh: '未批准', en: 'Rejected', color: 'error' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
  paid: { zh: '已发放', en: 'Paid', color: 'green' },
};

export interface ClaimRow {
  id: number;
  status: AppStatus;
  planId: number;
  planName: string;
  year: number;
  personId: number;
  personName: string;
  orgId: number;
  orgName: string;
  diagnosis: string;
  requestedFen: number | null;
  approvedFen: number | null;
  submittedAt: string;
  decidedAt: string | null;
  paidAt: string | null;
  currentStepName: string | null;
}

export interface Bill {
  hospital: string;
  visitDate: string;
  dischargeDate?: string | null;
  totalFen: number;
  insurancePaidFen: number;
  selfPaidFen: number;
}

export interface ClaimDetail {
  id: number;
  status: AppStatus;
  personId: number;
  personName: string;
  orgName: string;
  plan: Plan;
  enrolledOn: string;
  diagnosis: string;
  requestedFen: number | null;
  approvedFen: number | null;
  eligibleFen: number;
  calc: ClaimCalc;
  bills: (Bill & { seq: number; baseFen: number })[];
  attachments: { id: number; name: string; mime: string; size: number; createdAt: string }[];
  payeeName: string | null;
  payeeAccountMasked: string | null;
  canCorrect: boolean;
  application: ApplicationView;
}

export interface MyCover {
  items: { enrolmentId: number; enrolledOn: string; plan: Plan; receivedFen: number; remainingFen: number | null }[];
}

export interface FigureRow {
  key: number | null;
  name: string;
  claims: number;
  approved: number;
  requestedFen: number;
  approvedFen: number;
  paidFen: number;
}

export interface Figures {
  year: number;
  total: Omit<FigureRow, 'key' | 'name'>;
  byPlan: FigureRow[];
  byTown: FigureRow[];
}

/** '1,234.5' or '1234.56' yuan typed in a form → integer fen; null when not a money amount. */
export function toFen(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const s = String(v).replace(/[,，\s]/g, '');
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** fen → the plain yuan string an input shows ('1234.50'). */
export function fenToInput(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
