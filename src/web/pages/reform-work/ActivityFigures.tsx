import { useState } from 'react';
import { Col, Empty, Row, Segmented, Typography } from 'antd';
import { api } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';
import { ACTIVITY_TYPES } from './shared';

type Period = 'year' | 'quarter' | 'month';
interface Row { count: number; participants: number }
interface Figures {
  total: Row;
  byType: (Row & { type: string; typeName: string })[];
  byPeriod: (Row & { period: string })[];
  byOrganiser: (Row & { orgId: number; orgName: string })[];
}

/** '2025' | '2025-Q2' | '2025-03' → the date range the list filters on. */
export function periodRange(p: string): { from: string; to: string } {
  const [y, rest] = p.split('-');
  if (!rest) return { from: `${y}-01-01`, to: `${y}-12-31` };
  if (rest.startsWith('Q')) {
    const q = Number(rest.slice(1));
    const last = new Date(Date.UTC(Number(y), q * 3, 0)).getUTCDate();
    return { from: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: `${y}-${String(q * 3).padStart(2, '0')}-${last}` };
  }
  const last = new Date(Date.UTC(Number(y), Number(rest), 0)).getUTCDate();
  return { from: `${y}-${rest}-01`, to: `${y}-${rest}-${last}` };
}

/** A bar per row; each is a button that opens the records behind it. */
function Bars<T extends Row>({ rows, label, open, title }: { rows: T[]; label: (r: T) => string; open: (r: T) => void; title: string }) {
  const { tr } = useLocale();
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <section aria-label={title}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {!rows.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tr('暂无数据', 'No data')} /> : rows.map((r) => (
        <button key={label(r)} type="button" onClick={() => open(r)} data-testid="figure-bar" title={tr('查看这些活动', 'Open these activities')}
          style={{ display: 'flex', alignItems: 'center', gap: 8, width: '100%', border: 0, background: 'none', padding: '3px 0', cursor: 'pointer', textAlign: 'left' }}>
          <span style={{ flex: '0 0 38%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{label(r)}</span>
          <span style={{ flex: 1, background: '#f5f5f5', borderRadius: 3, height: 14 }}>
            <span style={{ display: 'block', width: `${(r.count / max) * 100}%`, background: '#c8102e', height: 14, borderRadius: 3 }} />
          </span>
          <span style={{ flex: '0 0 44px', textAlign: 'right' }}>{r.count}</span>
        </button>
      ))}
    </section>
  );
}

export function ActivityFigures({ filter, open }: { filter: Record<string, string | undefined>; open: (patch: Record<string, string | number | undefined>) => void }) {
  const { tr, en } = useLocale();
  const [period, setPeriod] = useState<Period>('year');
  const { data, error, reload } = useAsync((signal) => api.get<Figures>('/activities/figures', { ...filter, period }, signal), [JSON.stringify(filter), period]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const typeName = (code: string, zh: string) => (en ? ACTIVITY_TYPES.find((t) => t.code === code)?.en ?? zh : zh);
  return (
    <>
      <Typography.Paragraph data-testid="figures-total">
        {tr(`共 ${data.total.count} 场活动，参加 ${data.total.participants} 人次（点击任一数字查看对应活动）`, `${data.total.count} activities, ${data.total.participants} participants (click a bar to open its records)`)}
      </Typography.Paragraph>
      <Row gutter={[32, 24]}>
        <Col xs={24} lg={12}>
          <Bars title={tr('按活动类型', 'By type')} rows={data.byType} label={(r) => typeName(r.type, r.typeName)} open={(r) => open({ type: r.type })} />
        </Col>
        <Col xs={24} lg={12}>
          <Segmented<Period> aria-label={tr('统计期间', 'Period')} value={period} onChange={setPeriod} style={{ marginBottom: 8 }}
            options={[{ value: 'year', label: tr('按年', 'Year') }, { value: 'quarter', label: tr('按季', 'Quarter') }, { value: 'month', label: tr('按月', 'Month') }]} />
          <Bars title={tr('按期间', 'By period')} rows={data.byPeriod} label={(r) => r.period} open={(r) => open(periodRange(r.period))} />
        </Col>
        <Col xs={24}>
          <Bars title={tr('按主办单位（前50）', 'By organiser (top 50)')} rows={data.byOrganiser} label={(r) => r.orgName} open={(r) => open({ organiserId: r.orgId, orgId: undefined })} />
        </Col>
      </Row>
    </>
  );
}
