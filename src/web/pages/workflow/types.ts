import { formatFen } from '../../../shared/money';

/** The application as GET /applications/:id returns it (server: workflow.queries.ts getApplicationView). */
export type StepState = 'done' | 'current' | 'pending' | 'returned' | 'rejected';
export type ApplicationStatus = 'in_review' | 'returned' | 'approved' | 'rejected' | 'withdrawn' | 'paid';

export interface ApplicationStep {
  index: number;
  key: string;
  name: string;
  nameEn: string;
  level: string;
  levelName: string;
  orgId: number;
  orgName: string;
  state: StepState;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  dueAt: string | null;
}

export interface ApplicationEvent {
  id: number;
  at: string;
  action: 'submit' | 'approve' | 'return' | 'reject' | 'resubmit' | 'withdraw' | 'pay';
  step: number | null;
  stepName: string | null;
  userName: string | null;
  comment: string | null;
  fromStatus: string | null;
  toStatus: string;
}

export interface ApplicationView {
  id: number;
  type: string;
  typeName: string;
  typeNameEn: string;
  status: ApplicationStatus;
  statusName: string;
  statusNameEn: string;
  title: string;
  orgId: number;
  orgName: string;
  personId: number | null;
  personName: string | null;
  amountFen: number | null;
  approvedFen: number | null;
  periodKey: string | null;
  submittedAt: string;
  decidedAt: string | null;
  paidAt: string | null;
  paymentBatchId: number | null;
  payeeName: string | null;
  payeeAccount: string | null;
  steps: ApplicationStep[];
  currentStep: number;
  canDecide: boolean;
  canResubmit: boolean;
  canWithdraw: boolean;
  consolePath: string | null;
  events: ApplicationEvent[];
}

export interface ApplicationRow {
  id: number;
  type: string;
  typeName: string;
  title: string;
  status: ApplicationStatus;
  statusName: string;
  orgName: string;
  personName: string | null;
  amountFen: number | null;
  approvedFen: number | null;
  periodKey: string | null;
  submittedAt: string;
  currentStepName: string | null;
  dueAt: string | null;
  overdue: boolean;
  consolePath: string | null;
}

export const STATUS_COLORS: Record<ApplicationStatus, string> = {
  in_review: 'processing',
  returned: 'warning',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  paid: 'green',
};

export const ACTION_NAMES: Record<ApplicationEvent['action'], { zh: string; en: string }> = {
  submit: { zh: '提交申请', en: 'Submitted' },
  approve: { zh: '同意', en: 'Approved' },
  return: { zh: '退回修改', en: 'Returned' },
  reject: { zh: '不予批准', en: 'Rejected' },
  resubmit: { zh: '修改后重新提交', en: 'Resubmitted' },
  withdraw: { zh: '撤回', en: 'Withdrawn' },
  pay: { zh: '已发放', en: 'Paid' },
};

/** 分 → "1,234.50" yuan, or — when there is no amount. */
export function fenToYuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : formatFen(fen);
}
