import { Link } from 'react-router';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { INDUSTRY_SECTIONS } from '../../../shared/codes/industry';
import { MIYUN_DIVISIONS } from '../../../shared/codes/miyun';
import { api, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { EmptyState, ErrorState } from '../../components/states';
import { divisionName, industryName, type Enterprise } from './shared';
import { ListSearch } from '../../components/ListSearch';

const SIZE = { large: { minEmployees: 100 }, small: { maxEmployees: 99 } } as const;

export default function EnterpriseListPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const { params, update: setFilters, clear } = useUrlFilters();
  const q = params.get('q') ?? '';
  const orgId = params.get('orgId') ? Number(params.get('orgId')) : undefined;
  const divisionCode = params.get('divisionCode') ?? undefined;
  const industry = params.get('industry') ?? undefined;
  // size=large|small, or the raw minEmployees/maxEmployees the overview links with.
  const size = params.get('size') ?? (params.get('minEmployees') === '100' ? 'large' : params.get('maxEmployees') === '99' ? 'small' : undefined);
  const hasUnion = params.get('hasUnion') === 'true' || params.get('hasUnion') === 'false' ? params.get('hasUnion')! : undefined;
  const inPark = params.get('inPark') === 'true' || params.get('inPark') === 'false' ? params.get('inPark')! : undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Math.min(200, Number(params.get('pageSize') ?? 20) || 20);

  const sizeQuery = size === 'large' ? SIZE.large : size === 'small' ? SIZE.small : {};
  const filter = { q: q || undefined, orgId, divisionCode, industry, ...sizeQuery, hasUnion, inPark };
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<Page<Enterprise>>('/enterprises', { ...filter, page, pageSize }, signal),
    [q, orgId, divisionCode, industry, size, hasUnion, inPark, page, pageSize],
  );

  // A size choice replaces any explicit employee bounds carried in from a link.
  const update = (patch: Record<string, string | number | undefined>, resetPage = true) =>
    setFilters(patch, resetPage, 'size' in patch ? ['minEmployees', 'maxEmployees'] : []);

  const columns: ColumnsType<Enterprise> = [
    { title: tr('单位名称', 'Name'), dataIndex: 'name', render: (name: string, r) => <Link to={`/enterprises/${r.id}`}>{name}</Link> },
    { title: tr('统一社会信用代码', 'Credit code'), dataIndex: 'creditCode', width: 190, responsive: ['lg'], render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: tr('所在镇街', 'Town'), dataIndex: 'divisionCode', width: 130, responsive: ['md'], render: (v: string | null) => divisionName(v, en) },
    { title: tr('行业', 'Industry'), dataIndex: 'industryCode', ellipsis: true, responsive: ['xl'], render: (v: string | null) => industryName(v, en) },
    { title: tr('职工', 'Staff'), dataIndex: 'employees', width: 80, align: 'right' },
    {
      title: tr('工会', 'Union'), dataIndex: 'unionEstablished', width: 92,
      render: (v: boolean) => (v ? <Tag color="green">{tr('已建会', 'Yes')}</Tag> : <Tag color="orange">{tr('未建会', 'No')}</Tag>),
    },
    { title: tr('所属工会', 'Covering union'), dataIndex: 'orgName', ellipsis: true, responsive: ['md'] },
  ];
  const filtered = !!(q || orgId || divisionCode || industry || size || hasUnion || inPark);
  const selectStyle = { flex: narrow ? '1 1 140px' : '0 1 180px', minWidth: 120 };

  return (
    <Card
      title={tr('企业', 'Enterprises')}
      extra={can('enterprise.write') && (
        <Link to="/enterprises/new"><Button type="primary" icon={<PlusOutlined />}>{narrow ? tr('新建', 'New') : tr('新建企业', 'New enterprise')}</Button></Link>
      )}
      styles={{ body: { padding: narrow ? 12 : 24 } }}
    >
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <ListSearch
            value={q}
            onSearch={(v) => update({ q: v })}
            label={tr('搜索企业：名称或统一社会信用代码', 'Search: name or credit code')}
            placeholder={tr('单位名称 / 统一社会信用代码', 'Name / credit code')}
            style={{ flex: '1 1 260px', maxWidth: narrow ? undefined : 360 }}
          />
          <div style={{ flex: '1 1 220px', maxWidth: narrow ? undefined : 300 }}>
            <OrgTreeSelect unionsOnly value={orgId} onChange={(v) => update({ orgId: v })} ariaLabel={tr('按所属工会筛选', 'Filter by covering union')} placeholder={tr('全部工会', 'All unions')} />
          </div>
          <Select aria-label={tr('按镇街筛选', 'Filter by town')} placeholder={tr('镇街', 'Town')} allowClear showSearch={{ optionFilterProp: 'label' }} value={divisionCode} onChange={(v) => update({ divisionCode: v })}
            options={MIYUN_DIVISIONS.map((d) => ({ value: d.code, label: en && d.nameEn ? d.nameEn : d.name }))} style={selectStyle} popupMatchSelectWidth={false} />
          <Select aria-label={tr('按行业门类筛选', 'Filter by industry section')} placeholder={tr('行业门类', 'Industry')} allowClear showSearch={{ optionFilterProp: 'label' }} value={industry} onChange={(v) => update({ industry: v })}
            options={INDUSTRY_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} ${en ? s.nameEn : s.name}` }))} style={selectStyle} popupMatchSelectWidth={false}
            styles={{ popup: { root: { maxWidth: 'min(420px, 92vw)' } } }} />
          <Select aria-label={tr('按规模筛选', 'Filter by size')} placeholder={tr('规模', 'Size')} allowClear value={size} onChange={(v) => update({ size: v })}
            options={[{ value: 'large', label: tr('百人以上（≥100人）', '100 or more staff') }, { value: 'small', label: tr('百人以下（<100人）', 'Under 100 staff') }]} style={selectStyle} popupMatchSelectWidth={false} />
          <Select aria-label={tr('按建会情况筛选', 'Filter by union status')} placeholder={tr('建会情况', 'Union')} allowClear value={hasUnion} onChange={(v) => update({ hasUnion: v })}
            options={[{ value: 'true', label: tr('已建会', 'Union established') }, { value: 'false', label: tr('未建会', 'No union') }]} style={selectStyle} popupMatchSelectWidth={false} />
          <Select aria-label={tr('按园区筛选', 'Filter by park')} placeholder={tr('园区', 'Park')} allowClear value={inPark} onChange={(v) => update({ inPark: v })}
            options={[{ value: 'true', label: tr('园区企业', 'In a park') }, { value: 'false', label: tr('非园区企业', 'Not in a park') }]} style={selectStyle} popupMatchSelectWidth={false} />
          {filtered && <Button type="link" onClick={() => clear()}>{tr('清除筛选', 'Clear filters')}</Button>}
        </Flex>
      </form>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="enterprise-total">
            {data ? tr(`共 ${data.total} 家企业`, `${data.total} enterprises`) : '\u00a0'}
          </Typography.Text>
          <Table<Enterprise>
            rowKey="id"
            size={narrow ? 'small' : 'middle'}
            columns={columns}
            dataSource={data?.items}
            loading={loading}
            scroll={{ x: narrow ? undefined : 900 }}
            onRow={() => ({ 'data-testid': 'enterprise-row' }) as any}
            locale={{
              emptyText: loading ? ' ' : (
                <EmptyState description={filtered ? tr('没有符合条件的企业', 'No enterprise matches') : tr('还没有企业记录', 'No enterprises yet')}>
                  {filtered && <Button onClick={() => clear()}>{tr('清除筛选', 'Clear filters')}</Button>}
                </EmptyState>
              ),
            }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: !narrow,
              pageSizeOptions: [20, 50, 100, 200],
              simple: narrow,
              onChange: (p, s) => update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }, false),
            }}
          />
        </>
      )}
    </Card>
  );
}
