import { useState } from 'react';
import { App, Input, TreeSelect, type FormInstance } from 'antd';
import { ApiError, errorMessage, type Attachment } from '../../api';
import { useLocale } from '../../i18n';
import { useOrgTree } from '../../components/useOrgTree';
import type { OrgTreeNode } from '../../components/hooks';
import type { FormError } from '../../components/FormErrorAlert';
import { parseYuanToFen } from '../../../shared/money';

export { formatFen, formatBasisPoints } from '../../../shared/money';
export { ACTIVITY_TYPES, DOCUMENT_TYPES, GROUP_KINDS, GROUP_ROLES, MEETING_KINDS, nameOf } from '../../../shared/reform-work/codes';

// ---- response shapes (src/server/modules/reform-work/*.service.ts) ----
export interface Group { id: number; kind: string; kindName: string; name: string; termNo: number; startYear: number; endYear: number | null; note: string | null; currentMembers?: number }
export interface GroupMember {
  id: number; groupId: number; name: string; orgId: number; orgName: string; orgType: string; positionTitle: string | null; role: string; roleName: string;
  phone: string | null; phoneMasked: string | null; startedOn: string; endedOn: string | null; endReason: string | null; previousId: number | null; current: boolean;
}
export interface PolicyDocument {
  id: number; docType: string; docTypeName: string; title: string; issuerOrgId: number; issuerName: string; docNo: string; docNoYear: number;
  issuedOn: string; effectiveOn: string | null; summary: string | null; attachments?: Attachment[]; warnings?: { field: string; message: string }[];
}
export interface Activity {
  id: number; type: string; typeName: string; title: string; heldOn: string; orgId: number; orgName: string; place: string | null; participantCount: number | null;
  summary: string | null; taskId: number | null; photos?: number; participants?: { name: string; orgName: string | null }[]; photoFiles?: Attachment[]; canEdit?: boolean;
}
export interface Meeting {
  id: number; kind: string; kindName: string; title: string; heldOn: string; place: string | null; orgId: number; orgName: string; host: string | null;
  decisions: number | Decision[]; tasks?: number; minutes?: string | null; attendeeOrgs?: { id: number; name: string | null }[]; attendeeNames?: string[]; canEdit?: boolean; canMakeTask?: boolean;
}
export interface Decision { id: number; seq: number; content: string; taskId: number | null; taskCode: string | null; taskTitle: string | null }
export interface BudgetLine {
  id: number; year: number; name: string; note: string | null; amountFen: number; spentFen: number; remainingFen: number; spendings: number; executionBp: number;
  amount: string; spent: string; remaining: string;
}
export interface Spending {
  id: number; lineId: number; spentOn: string; amountFen: number; amount: string; payee: string; purpose: string; activityId: number | null; activityTitle: string | null;
  taskId: number | null; taskTitle: string | null; overBudget: boolean; overReason: string | null; voidedAt: string | null; voidReason: string | null; vouchers?: Attachment[];
}

/**
 * Submitting a form to the server: keeps what was typed, puts each reason beside its field when the
 * form has it, and lists the rest in the form's alert.
 */
export function useSubmit<V extends object>(form: FormInstance<V>, fields: readonly string[]) {
  const { en } = useLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const run = async (fn: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      if (done) message.success(done);
      return true;
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      const known = (f?: string) => !!f && fields.includes(f.split('.')[0]);
      const beside = details.filter((d) => known(d.field));
      if (beside.length) form.setFields(beside.map((d) => ({ name: d.field!.split('.')[0] as never, errors: [en && d.messageEn ? d.messageEn : d.message] })));
      setError({ title: errorMessage(err), items: details.filter((d) => !beside.includes(d)).map((d) => (en && d.messageEn ? d.messageEn : d.message)) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** A yuan amount typed as text and checked exactly as the server will parse it (to integer fen). */
export function YuanInput(props: { value?: string; onChange?: (v: string) => void; id?: string; 'aria-label'?: string }) {
  return <Input {...props} inputMode="decimal" suffix="元" autoComplete="off" onChange={(e) => props.onChange?.(e.target.value)} />;
}

export function yuanRule(en: boolean) {
  return {
    validator: async (_r: unknown, v?: string) => {
      if (!v?.trim()) return;
      const r = parseYuanToFen(v);
      if (!r.ok) throw new Error(en ? r.messageEn : r.message);
    },
  };
}

function toData(nodes: OrgTreeNode[] | undefined): unknown[] | undefined {
  return nodes?.map((n) => ({ value: n.value, title: n.title, key: n.key, children: toData(n.children) }));
}

/** Several organisations from the visible tree (attending units of a meeting). */
export function OrgMultiSelect(props: { value?: number[]; onChange?: (v: number[]) => void; id?: string; ariaLabel: string }) {
  const { tr } = useLocale();
  const { tree, loading } = useOrgTree();
  return (
    <TreeSelect id={props.id} aria-label={props.ariaLabel} multiple showSearch={{ treeNodeFilterProp: 'title' }} allowClear loading={loading} style={{ width: '100%' }}
      value={props.value} onChange={(v) => props.onChange?.((v as number[]).map(Number))} treeData={toData(tree?.roots) as never} placeholder={tr('选择参会单位', 'Choose units')}
      maxTagCount="responsive" treeDefaultExpandedKeys={tree?.roots.map((r) => r.key)} popupMatchSelectWidth={false} styles={{ popup: { root: { maxWidth: 'min(480px, 94vw)' } } }} />
  );
}

/** The years a page offers: this year back to 2021, plus next year for budgets planned ahead. */
export function yearOptions(extraNext = false): number[] {
  const now = new Date().getFullYear();
  const out: number[] = [];
  for (let y = now + (extraNext ? 1 : 0); y >= 2021; y--) out.push(y);
  return out;
}
