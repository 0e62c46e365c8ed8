import { Tag, Timeline, Typography } from 'antd';
import { api, type AuditEntry } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { ORG_FIELD_LABELS } from './OrgForms';
import { codeLabel, ORG_TYPES } from '../../components/codes';

const ACTIONS: Record<string, [string, string, string]> = {
  'org.create': ['新建', 'Created', 'green'],
  'org.update': ['修改', 'Edited', 'blue'],
  'org.move': ['移动', 'Moved', 'orange'],
  'org.close': ['撤销', 'Closed', 'red'],
};

const SKIP = new Set(['id', 'depth', 'path', 'typeName']);

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return String(v);
}

function showField(k: string, v: unknown, en: boolean): string {
  if (k === 'type' && typeof v === 'string') return codeLabel(ORG_TYPES, v, en);
  if (k === 'status') return v === 'closed' ? (en ? 'closed' : '已撤销') : v === 'active' ? (en ? 'active' : '正常') : show(v);
  return show(v);
}

/** The fields that changed between before and after, as "label: old → new". */
export function summarise(before: unknown, after: unknown, en: boolean): string[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const out: string[] = [];
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (SKIP.has(k)) continue;
    if (JSON.stringify(b[k] ?? null) === JSON.stringify(a[k] ?? null)) continue;
    const label = ORG_FIELD_LABELS[k]?.[en ? 1 : 0] ?? k;
    if (!before) {
      if (a[k] !== null && a[k] !== '' && a[k] !== undefined) out.push(`${label}：${showField(k, a[k], en)}`);
    } else out.push(`${label}：${showField(k, b[k], en)} → ${showField(k, a[k], en)}`);
  }
  return out;
}

export function OrgHistory({ id, parentNames }: { id: number; parentNames: (id: unknown) => string | undefined }) {
  const { tr, en } = useLocale();
  const h = useAsync((signal) => api.get<{ items: AuditEntry[]; total: number }>(`/orgs/${id}/history`, undefined, signal), [id]);
  if (h.error) return <ErrorState error={h.error} onRetry={h.reload} />;
  if (!h.data) return <Loading />;
  if (!h.data.items.length) return <EmptyState description={tr('暂无变更记录（系统上线前的变更未记录）', 'No recorded changes')} />;
  return (
    <Timeline
      data-testid="org-history"
      items={h.data.items.map((e) => {
        const act = ACTIONS[e.action] ?? [e.action, e.action, 'gray'];
        const lines = summarise(e.before, e.after, en).map((l) => {
          // Show parent names instead of ids where the tree knows them.
          if (!l.startsWith(ORG_FIELD_LABELS.parentId[en ? 1 : 0])) return l;
          const b = (e.before as Record<string, unknown> | null)?.parentId;
          const a = (e.after as Record<string, unknown> | null)?.parentId;
          const label = ORG_FIELD_LABELS.parentId[en ? 1 : 0];
          return e.before ? `${label}：${parentNames(b) ?? show(b)} → ${parentNames(a) ?? show(a)}` : `${label}：${parentNames(a) ?? show(a)}`;
        });
        return {
          color: act[2],
          content: (
            <div>
              <div>
                <Tag color={act[2]}>{en ? act[1] : act[0]}</Tag>
                <Typography.Text type="secondary">{new Date(e.at).toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' })} · {e.username ?? tr('系统', 'system')}</Typography.Text>
              </div>
              {lines.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingLeft: 18, wordBreak: 'break-all' }}>
                  {lines.slice(0, 12).map((l) => <li key={l}>{l}</li>)}
                </ul>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
