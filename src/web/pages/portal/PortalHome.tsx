import { Link } from 'react-router';
import { Button, Flex } from 'antd';
import { FormOutlined, MedicineBoxOutlined } from '@ant-design/icons';
import { api, type MemberDetail, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import type { ApplicationRow } from '../workflow/types';
import { yuan, type MyCover } from '../mutual-aid/types';
import { ApplicationTile } from './shared';

/** Membership card: union, since when, status. */
export function MembershipCard({ personId }: { personId: number }) {
  const { tr } = useLocale();
  const { data, error, reload } = useAsync((signal) => api.get<MemberDetail>(`/members/${personId}`, {}, signal), [personId]);
  if (error) return <div className="m-card"><ErrorState error={error} onRetry={reload} compact /></div>;
  if (!data) return <div className="m-card"><Loading /></div>;
  const m = data.membership;
  return (
    <section className="m-card" aria-labelledby="m-membership" data-testid="m-membership">
      <h2 id="m-membership">{tr('我的会籍', 'My membership')}</h2>
      <div style={{ fontSize: 20, fontWeight: 600, marginBottom: 4 }}>{data.name}</div>
      {m ? (
        <>
          <div className="m-row"><span>{tr('所在工会', 'Union')}</span><span>{m.orgName}</span></div>
          <div className="m-row"><span>{tr('入会时间', 'Member since')}</span><span>{m.joinedOn ?? '—'}</span></div>
          <div className="m-row"><span>{tr('会籍状态', 'Status')}</span><span>{m.statusName}</span></div>
          {m.cardNo && <div className="m-row"><span>{tr('会员卡号', 'Card no.')}</span><span>{m.cardNo}</span></div>}
        </>
      ) : <p>{tr('暂无在会会籍，请联系所在单位工会。', 'No current membership; ask your union.')}</p>}
    </section>
  );
}

interface MyHardship {
  record: { status: 'open' | 'exited'; tierName: string; verified: boolean; causeNames: string[]; reviewDueOn: string | null } | null;
}

/** The member's hardship file, if one exists: tier and status only (details stay with the union). */
function HardshipCard() {
  const { tr } = useLocale();
  const { data, error, reload } = useAsync((signal) => api.get<MyHardship>('/hardship/mine', {}, signal), []);
  if (error) return <div className="m-card"><ErrorState error={error} onRetry={reload} compact /></div>;
  if (!data?.record) return null;
  const r = data.record;
  return (
    <section className="m-card" aria-labelledby="m-hardship" data-testid="m-hardship">
      <h2 id="m-hardship">{tr('困难职工档案', 'Hardship file')}</h2>
      <div className="m-row"><span>{tr('困难类别', 'Tier')}</span><span>{r.tierName}</span></div>
      <div className="m-row"><span>{tr('档案状态', 'Status')}</span><span>{r.status === 'open' ? (r.verified ? tr('在档（已核实）', 'Open, verified') : tr('在档（待核实）', 'Open, awaiting verification')) : tr('已解困', 'Exited')}</span></div>
      {r.causeNames.length > 0 && <div className="m-row"><span>{tr('致困原因', 'Causes')}</span><span>{r.causeNames.join('、')}</span></div>}
    </section>
  );
}

export default function PortalHome() {
  const { tr } = useLocale();
  const { user } = useAuth();
  const apps = useAsync((signal) => api.get<Page<ApplicationRow>>('/applications', { mine: 1, pageSize: 3 }, signal), []);
  const cover = useAsync((signal) => api.get<MyCover>('/mutual-aid/my', {}, signal), []);
  if (!user?.personId) return <EmptyState description={tr('账号未关联会员信息，请联系工会。', 'This account is not linked to a member record.')} />;
  return (
    <>
      <MembershipCard personId={user.personId} />
      <HardshipCard />
      <Flex gap={10} style={{ marginBottom: 12 }}>
        <Link to="/m/apply" style={{ flex: 1 }}><Button type="primary" size="large" block icon={<FormOutlined />}>{tr('申请帮扶救助', 'Apply for aid')}</Button></Link>
        <Link to="/m/apply/claim" style={{ flex: 1 }}><Button size="large" block icon={<MedicineBoxOutlined />}>{tr('互助报销', 'Reimbursement')}</Button></Link>
      </Flex>
      <section className="m-card" aria-labelledby="m-recent">
        <Flex justify="space-between" align="baseline"><h2 id="m-recent">{tr('我的申请', 'My applications')}</h2><Link to="/m/applications">{tr('全部', 'All')}</Link></Flex>
        {apps.error ? <ErrorState error={apps.error} onRetry={apps.reload} compact /> : !apps.data ? <Loading /> : apps.data.items.length === 0
          ? <EmptyState description={tr('还没有申请', 'No applications yet')} />
          : apps.data.items.map((a) => <ApplicationTile key={a.id} a={a} />)}
      </section>
      <section className="m-card" aria-labelledby="m-cover">
        <h2 id="m-cover">{tr('职工互助保障', 'Mutual-aid cover')}</h2>
        {cover.error ? <ErrorState error={cover.error} onRetry={cover.reload} compact /> : !cover.data ? <Loading /> : cover.data.items.length === 0
          ? <p style={{ color: '#888', margin: 0 }}>{tr('尚未参加互助保障，可向所在工会咨询。', 'Not enrolled; ask your union.')}</p>
          : cover.data.items.map((c) => (
            <div key={c.enrolmentId} className="m-row">
              <span>{c.plan.year} {c.plan.name}</span>
              <span>{c.remainingFen === null ? tr('不限额', 'No cap') : tr(`本年剩余 ¥${yuan(c.remainingFen)}`, `¥${yuan(c.remainingFen)} left`)}</span>
            </div>
          ))}
      </section>
    </>
  );
}
