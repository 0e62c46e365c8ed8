import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Col, Descriptions, Flex, Input, Row, Statistic, Tag, Tree, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { api, type Org, type OrgStats } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, type OrgTree, type OrgTreeNode } from '../../components/hooks';
import { scopeRootId, useOrgTree } from '../../components/useOrgTree';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { codeLabel, ORG_TYPES } from '../../components/codes';

interface ViewNode {
  key: number;
  title: React.ReactNode;
  children?: ViewNode[];
}

function Highlight({ text, term }: { text: string; term: string }) {
  const i = term ? text.indexOf(term) : -1;
  if (i < 0) return <>{text}</>;
  return <>{text.slice(0, i)}<mark style={{ padding: 0, background: '#ffe58f' }}>{term}</mark>{text.slice(i + term.length)}</>;
}

/** Filter the tree to nodes matching the term plus their ancestors; return the keys to expand. */
function filterTree(tree: OrgTree, term: string, en: boolean): { nodes: ViewNode[]; expand: number[]; matches: number } {
  const expand = new Set<number>();
  let matches = 0;
  const walk = (list: OrgTreeNode[] | undefined): ViewNode[] => {
    const out: ViewNode[] = [];
    for (const n of list ?? []) {
      const kids = walk(n.children);
      const hit = !term || n.title.includes(term);
      if (term && hit) matches++;
      if (hit || kids.length) {
        if (term && kids.length) expand.add(n.key);
        const closed = n.org.status === 'closed';
        out.push({
          key: n.key,
          title: (
            <span>
              <Highlight text={n.title} term={term} />
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>{codeLabel(ORG_TYPES, n.org.type, en)}</Typography.Text>
              {closed && <Tag style={{ marginLeft: 4 }}>{en ? 'closed' : '已撤销'}</Tag>}
            </span>
          ),
          children: term ? (kids.length ? kids : hit ? undefined : []) : kids.length ? kids : undefined,
        });
      }
    }
    return out;
  };
  const nodes = walk(tree.roots);
  return { nodes, expand: [...expand], matches };
}

function OrgDetail({ id }: { id: number }) {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const org = useAsync((signal) => api.get<Org>(`/orgs/${id}`, undefined, signal), [id]);
  const stats = useAsync((signal) => api.get<OrgStats>(`/orgs/${id}/stats`, undefined, signal), [id]);
  if (org.error) return <ErrorState error={org.error} onRetry={org.reload} />;
  if (!org.data) return <Loading />;
  const o = org.data;
  const v = (x: string | null | undefined) => x || '—';
  return (
    <div data-testid="org-detail">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{o.name} {o.status === 'closed' && <Tag>{tr('已撤销', 'Closed')}</Tag>}</Typography.Title>
        {can('member.read') && o.type !== 'member_unit' && (
          <Link to={`/members?orgId=${o.id}`}><Button icon={<TeamOutlined />}>{tr('查看会员', 'View members')}</Button></Link>
        )}
      </Flex>
      {stats.data && o.type !== 'member_unit' && (
        <Row gutter={12} style={{ marginBottom: 16 }}>
          <Col span={8}><Statistic title={tr('会员', 'Members')} value={stats.data.members} /></Col>
          <Col span={8}><Statistic title={tr('工会组织', 'Unions')} value={stats.data.unions} /></Col>
          <Col span={8}><Statistic title={tr('企业（已建会）', 'Enterprises (union)')} value={`${stats.data.enterprisesWithUnion}/${stats.data.enterprises}`} /></Col>
        </Row>
      )}
      <Descriptions size="small" bordered column={1} styles={{ label: { width: 140 } }}>
        <Descriptions.Item label={tr('类型', 'Type')}>{en ? codeLabel(ORG_TYPES, o.type, true) : o.typeName}</Descriptions.Item>
        <Descriptions.Item label={tr('简称', 'Short name')}>{v(o.shortName)}</Descriptions.Item>
        <Descriptions.Item label={tr('上级组织', 'Parent')}>{v(o.parentName)}</Descriptions.Item>
        <Descriptions.Item label={tr('统一社会信用代码', 'Credit code')}><span style={{ fontFamily: 'monospace' }}>{v(o.creditCode)}</span></Descriptions.Item>
        <Descriptions.Item label={tr('行政区划代码', 'Division code')}>{v(o.divisionCode)}</Descriptions.Item>
        <Descriptions.Item label={tr('成立日期', 'Founded')}>{v(o.foundedOn)}</Descriptions.Item>
        <Descriptions.Item label={tr('届期', 'Term')}>{v(o.term)}</Descriptions.Item>
        <Descriptions.Item label={tr('工会主席', 'Chair')}>{v(o.chair)}</Descriptions.Item>
        <Descriptions.Item label={tr('地址', 'Address')}>{v(o.address)}</Descriptions.Item>
        <Descriptions.Item label={tr('联系电话', 'Phone')}>{v(o.phone)}</Descriptions.Item>
        {o.status === 'closed' && <Descriptions.Item label={tr('撤销', 'Closed')}>{o.closedOn} {o.closeReason}</Descriptions.Item>}
      </Descriptions>
    </div>
  );
}

export default function OrgPage() {
  const { tr, en } = useLocale();
  const { user } = useAuth();
  const narrow = useMediaNarrow();
  const { tree, error, loading, reload } = useOrgTree();
  const [params, setParams] = useSearchParams();
  const [term, setTerm] = useState('');
  const [expanded, setExpanded] = useState<number[] | null>(null);
  const rootId = scopeRootId(tree, user?.orgId ?? null);
  const selected = params.get('id') ? Number(params.get('id')) : rootId;

  const view = useMemo(() => (tree ? filterTree(tree, term.trim(), en) : null), [tree, term, en]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !tree || !view) return <Loading />;

  const defaultExpanded = selected ? tree.pathTo(selected).slice(0, -1).concat(tree.roots.map((r) => r.key)) : tree.roots.map((r) => r.key);
  const expandedKeys = term.trim() ? view.expand : expanded ?? defaultExpanded;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10} xl={9}>
        <Card title={tr('组织树', 'Organisation tree')} extra={<Typography.Text type="secondary">{tr(`共 ${tree.nodes.length} 个`, `${tree.nodes.length} total`)}</Typography.Text>} styles={{ body: { padding: narrow ? 8 : 16 } }}>
          <Input.Search
            aria-label={tr('搜索组织名称', 'Search organisations')}
            placeholder={tr('输入组织名称搜索', 'Search by name')}
            allowClear
            value={term}
            onChange={(e) => setTerm(e.target.value)}
            style={{ marginBottom: 8 }}
          />
          {term.trim() && <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="org-matches">{tr(`找到 ${view.matches} 个`, `${view.matches} found`)}</Typography.Text>}
          {view.nodes.length === 0 ? (
            <EmptyState description={term ? tr('没有匹配的组织', 'No organisation matches') : tr('暂无组织', 'No organisations')} />
          ) : (
            <Tree
              aria-label={tr('组织树', 'Organisation tree')}
              treeData={view.nodes as any}
              height={narrow ? 360 : 620}
              expandedKeys={expandedKeys}
              onExpand={(keys) => setExpanded(keys.map(Number))}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => {
                if (keys[0] === undefined) return;
                setParams({ id: String(keys[0]) });
                if (narrow) setTimeout(() => document.getElementById('org-detail-card')?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
              }}
              blockNode
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14} xl={15}>
        <Card id="org-detail-card" title={tr('组织详情', 'Details')} styles={{ body: { padding: narrow ? 12 : 24 } }}>
          {selected ? <OrgDetail id={selected} /> : <EmptyState description={tr('请在左侧选择组织', 'Choose an organisation')} />}
        </Card>
      </Col>
    </Row>
  );
}
