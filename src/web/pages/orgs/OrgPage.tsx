import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Col, Descriptions, Flex, Input, Row, Segmented, Space, Statistic, Tabs, Tag, Tree, Typography } from 'antd';
import { BankOutlined, DragOutlined, EditOutlined, PlusOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import { api, type Org, type OrgStats } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { clearOrgTreeCache, useAsync, useMediaNarrow, type OrgTree, type OrgTreeNode } from '../../components/hooks';
import { scopeRootId, useOrgTree } from '../../components/useOrgTree';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { codeLabel, ORG_TYPES } from '../../components/codes';
import { OrgCloseModal, OrgFormModal, OrgMoveModal } from './OrgForms';
import { OrgHistory } from './OrgHistory';

/** Which part of the tree to show: everything, the unions only, or the reform member units (成员单位). */
type Kind = 'all' | 'unions' | 'units';

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
function filterTree(tree: OrgTree, term: string, en: boolean, kind: Kind = 'all'): { nodes: ViewNode[]; expand: number[]; matches: number } {
  const expand = new Set<number>();
  let matches = 0;
  const walk = (list: OrgTreeNode[] | undefined): ViewNode[] => {
    const out: ViewNode[] = [];
    for (const n of list ?? []) {
      const isUnit = n.org.type === 'member_unit';
      if (kind === 'unions' && isUnit) continue;
      const kids = walk(n.children);
      const kindOk = kind !== 'units' || isUnit;
      const hit = kindOk && (!term || n.title.includes(term));
      if (term && hit) matches++;
      if (hit || kids.length) {
        if ((term || kind === 'units') && kids.length) expand.add(n.key);
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
          children: term || kind === 'units' ? (kids.length ? kids : hit ? undefined : []) : kids.length ? kids : undefined,
        });
      }
    }
    return out;
  };
  const nodes = walk(tree.roots);
  return { nodes, expand: [...expand], matches };
}

function OrgDetail({ id, tree, onChanged }: { id: number; tree: OrgTree; onChanged: (selectId?: number) => void }) {
  const { tr, en } = useLocale();
  const { can, user } = useAuth();
  const org = useAsync((signal) => api.get<Org>(`/orgs/${id}`, undefined, signal), [id]);
  const stats = useAsync((signal) => api.get<OrgStats>(`/orgs/${id}/stats`, undefined, signal), [id]);
  const [dialog, setDialog] = useState<'create' | 'edit' | 'move' | 'close' | null>(null);
  const [tab, setTab] = useState('detail');
  const [historyKey, setHistoryKey] = useState(0);
  if (org.error) return <ErrorState error={org.error} onRetry={org.reload} />;
  if (!org.data) return <Loading />;
  const o = org.data;
  const v = (x: string | null | undefined) => x || '—';
  const writable = can('org.write') && o.status === 'active';
  const movable = writable && o.parentId !== null && user?.orgId !== o.id;
  const canHaveChildren = ORG_TYPES.find((t) => t.code === o.type)?.children.length;
  const saved = (selectId?: number) => {
    setDialog(null);
    org.reload();
    stats.reload();
    setHistoryKey((k) => k + 1);
    onChanged(selectId);
  };
  const parentName = (pid: unknown) => (typeof pid === 'number' ? tree.byId.get(pid)?.name : undefined);

  const details = (
    <>
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
        <Descriptions.Item label={tr('上级组织', 'Parent')}>{o.parentId && o.parentName ? <Link to={`/orgs?id=${o.parentId}`}>{o.parentName}</Link> : '—'}</Descriptions.Item>
        <Descriptions.Item label={tr('统一社会信用代码', 'Credit code')}><span style={{ fontFamily: 'monospace' }}>{v(o.creditCode)}</span></Descriptions.Item>
        <Descriptions.Item label={tr('行政区划代码', 'Division code')}>{v(o.divisionCode)}</Descriptions.Item>
        <Descriptions.Item label={tr('成立日期', 'Founded')}>{v(o.foundedOn)}</Descriptions.Item>
        <Descriptions.Item label={tr('届期', 'Term')}>{v(o.term)}</Descriptions.Item>
        <Descriptions.Item label={tr('工会主席', 'Chair')}>{v(o.chair)}</Descriptions.Item>
        <Descriptions.Item label={tr('地址', 'Address')}>{v(o.address)}</Descriptions.Item>
        <Descriptions.Item label={tr('联系电话', 'Phone')}>{v(o.phone)}</Descriptions.Item>
        {o.status === 'closed' && <Descriptions.Item label={tr('撤销', 'Closed')}>{o.closedOn} {o.closeReason}</Descriptions.Item>}
      </Descriptions>
    </>
  );

  return (
    <div data-testid="org-detail">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="org-detail-name">{o.name} {o.status === 'closed' && <Tag>{tr('已撤销', 'Closed')}</Tag>}</Typography.Title>
        <Space wrap size={8}>
          {can('member.read') && o.type !== 'member_unit' && (
            <Link to={`/members?orgId=${o.id}`}><Button icon={<TeamOutlined />}>{tr('查看会员', 'View members')}</Button></Link>
          )}
          {can('enterprise.read') && o.type !== 'member_unit' && (
            <Link to={`/enterprises?orgId=${o.id}`}><Button icon={<BankOutlined />}>{tr('覆盖企业', 'Enterprises')}</Button></Link>
          )}
        </Space>
      </Flex>
      {writable && (
        <Space wrap size={8} style={{ marginBottom: 12 }} data-testid="org-actions">
          {!!canHaveChildren && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>{tr('新建下级组织', 'New sub-organisation')}</Button>}
          <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>{tr('编辑', 'Edit')}</Button>
          {movable && <Button icon={<DragOutlined />} onClick={() => setDialog('move')}>{tr('移动', 'Move')}</Button>}
          {movable && <Button danger icon={<StopOutlined />} onClick={() => setDialog('close')}>{tr('撤销', 'Close')}</Button>}
        </Space>
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'detail', label: tr('基本信息', 'Details'), children: details },
          { key: 'history', label: tr('变更历史', 'History'), children: tab === 'history' ? <OrgHistory key={historyKey} id={o.id} parentNames={parentName} /> : null },
        ]}
      />
      {writable && (
        <>
          <OrgFormModal open={dialog === 'create'} parent={o} onClose={() => setDialog(null)} onSaved={(created) => saved(created.id)} />
          <OrgFormModal open={dialog === 'edit'} org={o} onClose={() => setDialog(null)} onSaved={() => saved()} />
          {movable && <OrgMoveModal open={dialog === 'move'} org={o} onClose={() => setDialog(null)} onSaved={() => saved()} />}
          {movable && <OrgCloseModal open={dialog === 'close'} org={o} onClose={() => setDialog(null)} onSaved={() => saved()} />}
        </>
      )}
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
  const kind = (['unions', 'units'].includes(params.get('kind') ?? '') ? params.get('kind') : 'all') as Kind;
  const rootId = scopeRootId(tree, user?.orgId ?? null);
  const selected = params.get('id') ? Number(params.get('id')) : rootId;
  const hasUnits = !!tree?.nodes.some((n) => n.type === 'member_unit');

  const view = useMemo(() => (tree ? filterTree(tree, term.trim(), en, kind) : null), [tree, term, en, kind]);
  const treeRef = useRef<{ scrollTo: (opts: { key: number; align?: 'top' | 'bottom' | 'auto' }) => void } | null>(null);
  // Keep the chosen organisation in view (e.g. a newly created one at the end of a long list).
  useEffect(() => {
    if (selected) setTimeout(() => treeRef.current?.scrollTo({ key: selected, align: 'auto' }), 0);
  }, [selected, view]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!tree || !view) return loading ? <Loading /> : <EmptyState />;

  const defaultExpanded = selected ? tree.pathTo(selected).slice(0, -1).concat(tree.roots.map((r) => r.key)) : tree.roots.map((r) => r.key);
  const expandedKeys = term.trim() || kind === 'units' ? view.expand : expanded ?? defaultExpanded;
  const select = (id: number) => {
    const next = new URLSearchParams(params);
    next.set('id', String(id));
    setParams(next);
  };
  const changed = (selectId?: number) => {
    clearOrgTreeCache();
    reload();
    if (selectId) {
      setExpanded([...(expanded ?? defaultExpanded), ...(selected ? [selected] : [])]);
      select(selectId);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10} xl={9}>
        <Card title={tr('组织树', 'Organisation tree')} extra={<Typography.Text type="secondary">{tr(`共 ${tree.nodes.length} 个`, `${tree.nodes.length} total`)}</Typography.Text>} styles={{ body: { padding: narrow ? 8 : 16 } }}>
          {hasUnits && (
            <Segmented<Kind>
              block
              size="small"
              style={{ marginBottom: 8 }}
              aria-label={tr('组织范围', 'Which organisations')}
              value={kind}
              onChange={(k) => {
                const next = new URLSearchParams(params);
                if (k === 'all') next.delete('kind');
                else next.set('kind', k);
                setParams(next);
              }}
              options={[
                { label: tr('全部', 'All'), value: 'all' },
                { label: tr('工会组织', 'Unions'), value: 'unions' },
                { label: tr('改革成员单位', 'Reform member units'), value: 'units' },
              ]}
            />
          )}
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
            <EmptyState description={term ? tr('没有匹配的组织', 'No organisation matches') : kind === 'units' ? tr('暂无成员单位', 'No member units') : tr('暂无组织', 'No organisations')} />
          ) : (
            <Tree
              ref={treeRef as any}
              aria-label={tr('组织树', 'Organisation tree')}
              treeData={view.nodes as any}
              height={narrow ? 360 : 620}
              expandedKeys={expandedKeys}
              onExpand={(keys) => setExpanded(keys.map(Number))}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => {
                if (keys[0] === undefined) return;
                select(Number(keys[0]));
                if (narrow) setTimeout(() => document.getElementById('org-detail-card')?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
              }}
              blockNode
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14} xl={15}>
        <Card id="org-detail-card" title={tr('组织详情', 'Details')} styles={{ body: { padding: narrow ? 12 : 24 } }}>
          {selected ? <OrgDetail key={selected} id={selected} tree={tree} onChanged={changed} /> : <EmptyState description={tr('请在左侧选择组织', 'Choose an organisation')} />}
        </Card>
      </Col>
    </Row>
  );
}
