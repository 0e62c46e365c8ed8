/** Types of the reform API answers (src/server/modules/reform-tasks) and small shared pieces of the reform pages. */
import { Tag, Tooltip } from 'antd';
import type { FormInstance } from 'antd';
import { api, ApiError, errorMessage, type Attachment } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import type { FormError } from '../../components/FormErrorAlert';
import { REASON_NAMES, STATUS_NAMES, TASK_STATUSES, type StatusReason, type TaskStatus } from '../../../shared/reform/status';
import { TASK_CATEGORIES } from '../../../shared/reform/categories';
import { todayInShanghai } from '../../../shared/dates';

export { TASK_STATUSES, STATUS_NAMES, TASK_CATEGORIES };
export type { TaskStatus };

export interface Plan { id: number; orgId: number; orgName: string | null; year: number; title: string; status: 'draft' | 'published'; taskCount?: number }

export interface TaskRow {
  id: number; planId: number; code: string; title: string; description: string | null; category: string; categoryName: string;
  leadOrgId: number; leadOrgName: string; coOrgNames: string[]; startOn: string; deadline: string; reportCycle: 'monthly' | 'quarterly';
  source: string | null; completedOn: string | null; status: TaskStatus; late: boolean; statusReasons: StatusReason[]; doneOn: string | null;
  percent: number | null; lastOfficialReportOn: string | null; reportCount: number; openSupervisions: number;
}

export interface Report {
  id: number; orgId: number; orgName: string; periodKey: string; content: string; percent: number; official: boolean;
  submittedAt: string; submittedBy: string | null; revision: number; indicatorValues: { indicatorId: number; value: number }[]; attachments: Attachment[];
}

export interface Supervision {
  id: number; issuedAt: string; issuedBy: string | null; reason: string; replyDue: string; replyText: string | null; repliedAt: string | null;
  repliedBy: string | null; closedAt: string | null; closeNote: string | null; state: SupervisionState; repliedLate: boolean; attachments: Attachment[];
}
export type SupervisionState = 'awaiting' | 'reply_overdue' | 'replied' | 'closed';

export interface TaskDetail extends TaskRow {
  planTitle: string | null; planYear: number | null;
  coUnits: { id: number; name: string }[];
  milestones: { id: number; title: string; dueOn: string; doneOn: string | null; missed: boolean }[];
  indicators: { id: number; name: string; unit: string; target: number; actual: number | null }[];
  reports: Report[];
  supervisions: Supervision[];
  you: { isLead: boolean; isCoUnit: boolean; canReport: boolean; canManage: boolean; canReply: boolean; openPeriods: string[] };
}

export type Counts = Record<TaskStatus, number> & { total: number };
export interface Figures {
  planId: number | null; today: string; totals: Counts;
  byUnit: (Counts & { orgId: number; name: string; type: string })[];
  byCategory: (Counts & { code: string; name: string })[];
  overdue: TaskRow[];
  supervision: { awaiting: number; reply_overdue: number; replied: number; closed: number };
  dueNext: { tasks: TaskRow[]; milestones: { id: number; title: string; dueOn: string; taskId: number; code: string; taskTitle: string }[] };
}

export interface Unit { id: number; name: string; type: string }

export const SUPERVISION_NAMES: Record<SupervisionState, { zh: string; en: string; color: string }> = {
  awaiting: { zh: '待回复', en: 'Awaiting reply', color: 'gold' },
  reply_overdue: { zh: '逾期未回复', en: 'Reply overdue', color: 'red' },
  replied: { zh: '已回复', en: 'Replied', color: 'blue' },
  closed: { zh: '已办结', en: 'Closed', color: 'default' },
};

export function StatusTag({ status, late, reasons }: { status: TaskStatus; late?: boolean; reasons?: StatusReason[] }) {
  const { tr, en } = useLocale();
  const s = STATUS_NAMES[status];
  const tag = <Tag color={s.color} data-testid="status-tag" data-status={status}>{en ? s.en : s.zh}{late ? tr('（逾期完成）', ' (late)') : ''}</Tag>;
  if (!reasons?.length) return tag;
  return <Tooltip title={reasons.map((r) => (en ? REASON_NAMES[r].en : REASON_NAMES[r].zh)).join('；')}>{tag}</Tooltip>;
}

export function categoryLabel(code: string, en: boolean): string {
  const c = TASK_CATEGORIES.find((x) => x.code === code);
  return c ? (en ? c.nameEn ?? c.name : c.name) : code;
}

/** Lead/co-unit choices (bureaus, towns/streets, parks, the district). */
export function useUnits() {
  return useAsync((signal) => api.get<{ items: Unit[] }>('/reform/units', undefined, signal).then((r) => r.items), []);
}

export function usePlans() {
  return useAsync((signal) => api.get<{ items: Plan[] }>('/reform/plans', undefined, signal).then((r) => r.items), []);
}

export const UNIT_TYPE_NAMES: Record<string, [string, string]> = {
  member_unit: ['成员单位', 'Member units'], town: ['镇街', 'Towns/streets'], park: ['园区', 'Parks'], district: ['区总工会', 'District'],
};

/** Unit options grouped by type, for antd Select. */
export function unitOptions(units: Unit[] | undefined, en: boolean) {
  const groups = new Map<string, Unit[]>();
  for (const u of units ?? []) groups.set(u.type, [...(groups.get(u.type) ?? []), u]);
  return [...groups.entries()].map(([type, list]) => ({
    label: (UNIT_TYPE_NAMES[type] ?? [type, type])[en ? 1 : 0],
    options: list.map((u) => ({ value: u.id, label: u.name })),
  }));
}

/**
 * Put the server's per-field reasons beside the form's fields; the rest go in the alert.
 * `fieldOf` maps an API field ('milestones.0.title') to the form's name path.
 */
export function applyServerErrors<T>(form: FormInstance<T>, err: unknown, en: boolean, fieldOf: (field: string) => (string | number)[] | null = (f) => f.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))): FormError {
  const details = err instanceof ApiError ? err.details : [];
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const other: string[] = [];
  for (const d of details) {
    const msg = en && d.messageEn ? d.messageEn : d.message;
    const name = d.field ? fieldOf(d.field) : null;
    if (name && form.getFieldInstance(name as never) !== undefined) placed.push({ name, errors: [msg] });
    else other.push(d.row ? `${en ? 'Row' : '第'}${d.row}${en ? '' : '行'} ${d.column ?? ''}：${msg}` : msg);
  }
  if (placed.length) form.setFields(placed as never);
  return { title: errorMessage(err), items: other };
}

/** The calendar day (Asia/Shanghai) of a server timestamp. */
export const shanghaiDate = (iso: string) => todayInShanghai(new Date(iso));

export const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n}%`);
