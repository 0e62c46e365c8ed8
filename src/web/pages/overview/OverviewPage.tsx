import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Col, Flex, Row, Statistic, Typography } from 'antd';
import { Panel } from '../../components/Panel';
import { ApartmentOutlined, BankOutlined, TeamOutlined, ToolOutlined, UserSwitchOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { api, queryString, type ChildStats, type OrgStats } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { scopeRootId, useOrgTree } from '../../components/useOrgTree';
import { EmptyState, ErrorState, Loading } from '../../components/states';

const MembersChart = lazy(() => import('./MembersChart'));

function pct(part: number, whole: number): string {
  return whole ? `${((part / whole) * 100).toFixed(1)}%` : '—';
}

function Figure({ title, value, suffix, to, icon, testId, hint }: { title: string; value: number | string; suffix?: string; to?: string; icon: ReactNode; testId: string; hint?: ReactNode }) {
  const body = (
    <Panel style={{ height: '100%' }} bodyStyle={{ padding: 16 }}>
      <Flex justify="space-between" align="flex-start">
        <Statistic title={title} value={value} suffix={suffix} styles={{ content: { fontSize: 26 } }} groupSeparator="," />
        <span aria-hidden style={{ fontSize: 22, color: '#c8102e', opacity: 0.75 }}>{icon}</span>
      </Flex>
      <span data-testid={testId} data-value={typeof value === 'number' ? value : undefined} hidden>{value}</span>
      {hint && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>}
    </Panel>
  );
  return to ? <Link to={to} aria-label={`${title}：${value}${suffix ?? ''}`} className="gh-hover" style={{ display: 'block', height: '100%', color: 'inherit' }}>{body}</Link> : body;
}

/** The chart's figures as a plain table (the chart is a canvas): readable, linkable, light. */
function ChildTable({ rows, linkable, narrow }: { rows: ChildStats[]; linkable: boolean; narrow: boolean }) {
  const { tr } = useLocale();
  const sorted = [...rows].sort((a, b) => b.members - a.members);
  const th: React.CSSProperties = { position: 'sticky', top: 0, background: '#fafafa', padding: '8px', fontWeight: 600, borderBottom: '1px solid #f0f0f0', textAlign: 'right', whiteSpace: 'nowrap' };
  const td: React.CSSProperties = { padding: '6px 8px', borderBottom: '1px solid #f0f0f0', textAlign: 'right', fontVariantNumeric: 'tabular-nums' };
  return (
    <div style={{ maxHeight: narrow ? undefined : 560, overflow: 'auto' }}>
      <table data-testid="children-table" style={{ width: '100%', borderCollapse: 'collapse', fontSize: 13 }}>
        <caption style={{ textAlign: 'left', padding: '0 0 8px', color: '#888' }}>{tr('按会员人数排序', 'Sorted by members')}</caption>
        <thead>
          <tr>
            <th scope="col" style={{ ...th, textAlign: 'left' }}>{tr('组织', 'Organisation')}</th>
            <th scope="col" style={th}>{tr('会员', 'Members')}</th>
            <th scope="col" style={th}>{tr('产业工人', 'Industrial')}</th>
            <th scope="col" style={th}>{tr('农民工', 'Migrant')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id} className="child-row">
              <th scope="row" style={{ ...td, textAlign: 'left', fontWeight: 'normal' }}>{linkable ? <Link to={`/members?orgId=${r.id}`}>{r.name}</Link> : r.name}</th>
              <td style={td}>{r.members}</td>
              <td style={td}>{r.industrialMembers}</td>
              <td style={td}>{r.migrantMembers}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function OverviewPage() {
  const { tr } = useLocale();
  const { user, can } = useAuth();
  const narrow = useMediaNarrow();
  const navigate = useNavigate();
  const { tree, error: treeError, loading: treeLoading, reload: reloadTree } = useOrgTree();
  const rootId = scopeRootId(tree, user?.orgId ?? null);
  const stats = useAsync((signal) => (rootId ? api.get<OrgStats>(`/orgs/${rootId}/stats`, undefined, signal) : Promise.resolve(undefined)), [rootId]);

  if (treeError) return <ErrorState error={treeError} onRetry={reloadTree} />;
  if (treeLoading && !tree) return <Loading />;
  if (!rootId) return <EmptyState description={tr('您的管理范围内还没有组织', 'No organisation in your scope yet')} />;
  if (stats.error) return <ErrorState error={stats.error} onRetry={stats.reload} />;
  const s = stats.data;
  if (!s) return <Loading />;

  const members = (extra: Record<string, string | number> = {}) => (can('member.read') ? `/members${queryString({ orgId: rootId, ...extra })}` : undefined);
  const children = s.children;

  return (
    <div>
      <Flex align="baseline" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="overview-title">{s.name}</Typography.Title>
        <Typography.Text type="secondary">{tr('覆盖情况（含全部下级组织）', 'Coverage, including every sub-organisation')}</Typography.Text>
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={6}><Figure testId="stat-members" title={tr('会员总数', 'Members')} value={s.members} icon={<TeamOutlined />} to={members()} /></Col>
        <Col xs={12} md={8} xl={6}><Figure testId="stat-industrial" title={tr('产业工人会员', 'Industrial workers')} value={s.industrialMembers} icon={<ToolOutlined />} to={members({ isIndustrial: 'true' })} hint={tr(`占会员 ${pct(s.industrialMembers, s.members)}`, `${pct(s.industrialMembers, s.members)} of members`)} /></Col>
        <Col xs={12} md={8} xl={6}><Figure testId="stat-migrant" title={tr('农民工会员', 'Migrant workers')} value={s.migrantMembers} icon={<UserSwitchOutlined />} to={members({ isMigrant: 'true' })} hint={tr(`占会员 ${pct(s.migrantMembers, s.members)}`, `${pct(s.migrantMembers, s.members)} of members`)} /></Col>
        <Col xs={12} md={8} xl={6}><Figure testId="stat-retained" title={tr('保留会籍', 'Retained memberships')} value={s.retainedMembers} icon={<PauseCircleOutlined />} to={members({ status: 'retained' })} /></Col>
        <Col xs={12} md={8} xl={6}><Figure testId="stat-unions" title={tr('工会组织', 'Unions')} value={s.unions} icon={<ApartmentOutlined />} to={`/orgs${queryString({ id: rootId })}`} /></Col>
        <Col xs={12} md={8} xl={6}><Figure testId="stat-enterprises" title={tr('企业（已建会 / 总数）', 'Enterprises (with union / all)')} value={`${s.enterprisesWithUnion} / ${s.enterprises}`} icon={<BankOutlined />} to={can('enterprise.read') ? `/enterprises${queryString({ orgId: rootId })}` : undefined} hint={tr(`建会率 ${pct(s.enterprisesWithUnion, s.enterprises)}`, `${pct(s.enterprisesWithUnion, s.enterprises)} have a union`)} /></Col>
        <Col xs={12} md={8} xl={6}><Figure testId="stat-enterprises100" title={tr('百人以上企业（已建会 / 总数）', '100+ staff enterprises (with union / all)')} value={`${s.enterprises100WithUnion} / ${s.enterprises100}`} icon={<BankOutlined />} to={can('enterprise.read') ? `/enterprises${queryString({ orgId: rootId, size: 'large' })}` : undefined} hint={tr(`建会率 ${pct(s.enterprises100WithUnion, s.enterprises100)}`, `${pct(s.enterprises100WithUnion, s.enterprises100)} have a union`)} /></Col>
        <Col xs={12} md={8} xl={6}><Figure testId="stat-employees" title={tr('企业职工人数', 'Employees')} value={s.employees} icon={<TeamOutlined />} hint={tr(`会员占职工 ${pct(s.members, s.employees)}`, `members = ${pct(s.members, s.employees)} of employees`)} /></Col>
      </Row>

      <Panel title={tr('各下级组织会员人数', 'Members by sub-organisation')} style={{ marginTop: 16 }}>
        {children.length === 0 ? (
          <EmptyState description={tr('没有下级工会组织', 'No sub-organisations')} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={15}>
              <Suspense fallback={<Loading />}>
                <MembersChart
                  children={children}
                  narrow={narrow}
                  ariaLabel={tr('各下级组织会员人数柱状图，数据见右侧表格', 'Bar chart of members by sub-organisation; the table has the figures')}
                  labels={{ members: tr('会员', 'Members'), industrial: tr('产业工人', 'Industrial'), migrant: tr('农民工', 'Migrant') }}
                  onPick={(id) => can('member.read') && navigate(`/members?orgId=${id}`)}
                />
              </Suspense>
            </Col>
            <Col xs={24} xl={9}>
              <ChildTable rows={children} linkable={can('member.read')} narrow={narrow} />
            </Col>
          </Row>
        )}
      </Panel>
    </div>
  );
}
