import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Drawer, Flex, Image, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, attachmentUrl, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { ListSearch } from '../../components/ListSearch';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { ActivityForm } from './ActivityForm';
import { ActivityFigures } from './ActivityFigures';
import { ACTIVITY_TYPES, type Activity } from './shared';

const KEYS = ['type', 'from', 'to', 'orgId', 'organiserId', 'q'] as const;

/** 活动: the activity log with filters, its figures (each opening its records) and logging with photos. */
export default function ActivitiesPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const { params, update, clear } = useUrlFilters();
  const filter = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? undefined])) as Record<(typeof KEYS)[number], string | undefined>;
  const tab = params.get('tab') === 'figures' ? 'figures' : 'list';
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useAsync((signal) => api.get<Page<Activity> & { participants: number }>('/activities', { ...filter, page, pageSize: 20 }, signal), [...KEYS.map((k) => filter[k]), page]);
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const filtered = KEYS.some((k) => filter[k]);

  const columns: ColumnsType<Activity> = [
    { title: tr('日期', 'Date'), dataIndex: 'heldOn', width: 110 },
    { title: tr('活动', 'Activity'), dataIndex: 'title', render: (v: string, a) => <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpenId(a.id)}>{v}</Button> },
    { title: tr('类型', 'Type'), dataIndex: 'typeName', width: 130, responsive: ['md'], render: (_: string, a) => (en ? ACTIVITY_TYPES.find((t) => t.code === a.type)?.en : a.typeName) },
    { title: tr('主办单位', 'Organiser'), dataIndex: 'orgName', ellipsis: true, responsive: ['lg'] },
    { title: tr('人数', 'People'), dataIndex: 'participantCount', width: 80, align: 'right' },
    { title: tr('照片', 'Photos'), dataIndex: 'photos', width: 70, align: 'right', responsive: ['md'] },
  ];

  const filters = (
    <form role="search" onSubmit={(e) => e.preventDefault()}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <ListSearch value={filter.q ?? ''} onSearch={(v) => update({ q: v })} label={tr('搜索活动名称或地点', 'Search title or place')} placeholder={tr('活动名称 / 地点', 'Title / place')} style={{ flex: '1 1 220px', maxWidth: narrow ? undefined : 300 }} />
        <Select aria-label={tr('按类型筛选', 'Filter by type')} placeholder={tr('活动类型', 'Type')} allowClear value={filter.type} onChange={(v) => update({ type: v })}
          options={ACTIVITY_TYPES.map((t) => ({ value: t.code, label: en ? t.en : t.zh }))} style={{ flex: '0 1 170px', minWidth: 140 }} popupMatchSelectWidth={false} />
        <DatePicker.RangePicker aria-label={tr('活动日期范围', 'Date range')} value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
          onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })} style={{ flex: '1 1 240px', maxWidth: 280 }} />
        <div style={{ flex: '1 1 200px', maxWidth: narrow ? undefined : 260 }}>
          <OrgTreeSelect value={filter.orgId ? Number(filter.orgId) : undefined} onChange={(v) => update({ orgId: v, organiserId: undefined })} ariaLabel={tr('按主办单位（含下级）筛选', 'Filter by organiser subtree')} placeholder={tr('主办单位（含下级）', 'Organiser (with subunits)')} />
        </div>
        {filter.organiserId && (
          <Tag closable onClose={() => update({ organiserId: undefined })} style={{ alignSelf: 'center' }}>
            {tr('仅主办单位：', 'Organiser: ')}{list.data?.items[0]?.orgName ?? filter.organiserId}
          </Tag>
        )}
        {filtered && <Button type="link" onClick={() => clear()}>{tr('清除筛选', 'Clear filters')}</Button>}
      </Flex>
    </form>
  );

  return (
    <Card title={tr('活动台账', 'Activities')} styles={{ body: { padding: narrow ? 12 : 24 } }}
      extra={can('reform.report') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{narrow ? tr('登记', 'Log') : tr('登记活动', 'Log an activity')}</Button>}>
      {filters}
      <Tabs activeKey={tab} onChange={(k) => update({ tab: k === 'list' ? undefined : k }, false)} items={[
        {
          key: 'list', label: tr('活动列表', 'List'), children: list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
            <>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="activity-total">
                {list.data ? tr(`共 ${list.data.total} 场活动，参加 ${list.data.participants} 人次`, `${list.data.total} activities, ${list.data.participants} participants`) : '\u00a0'}
              </Typography.Text>
              <Table<Activity> rowKey="id" size={narrow ? 'small' : 'middle'} columns={columns} dataSource={list.data?.items} loading={list.loading}
                onRow={() => ({ 'data-testid': 'activity-row' }) as never}
                locale={{ emptyText: list.loading ? ' ' : <EmptyState description={filtered ? tr('没有符合条件的活动', 'No activity matches') : tr('还没有活动记录', 'No activities yet')} /> }}
                pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, simple: narrow, showSizeChanger: false, onChange: (p) => update({ page: p === 1 ? undefined : p }, false) }} />
            </>
          ),
        },
        { key: 'figures', label: tr('统计', 'Figures'), children: <ActivityFigures filter={filter} open={(patch) => update({ ...patch, tab: undefined })} /> },
      ]} />
      {editing && <ActivityForm initial={editing === 'new' ? undefined : editing} onClose={(saved) => { setEditing(null); if (saved) { list.reload(); setOpenId(saved.id); } }} />}
      {openId !== null && <ActivityDrawer id={openId} onClose={() => setOpenId(null)} onEdit={(a) => { setOpenId(null); setEditing(a); }} />}
    </Card>
  );
}

function ActivityDrawer({ id, onClose, onEdit }: { id: number; onClose: () => void; onEdit: (a: Activity) => void }) {
  const { tr } = useLocale();
  const narrow = useMediaNarrow();
  const { data, error, reload } = useAsync((signal) => api.get<Activity>(`/activities/${id}`, undefined, signal), [id]);
  return (
    <Drawer open onClose={onClose} width={narrow ? '100%' : 560} title={data?.title ?? tr('活动详情', 'Activity')}
      extra={data?.canEdit && <Button onClick={() => onEdit(data)}>{tr('编辑', 'Edit')}</Button>}>
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <Loading /> : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered items={[
            { key: 't', label: tr('类型', 'Type'), children: data.typeName },
            { key: 'd', label: tr('日期', 'Date'), children: data.heldOn },
            { key: 'o', label: tr('主办单位', 'Organiser'), children: data.orgName },
            { key: 'p', label: tr('地点', 'Place'), children: data.place ?? '—' },
            { key: 'n', label: tr('参加人数', 'Participants'), children: data.participantCount ?? '—' },
            { key: 's', label: tr('简介', 'Summary'), children: data.summary ?? '—' },
          ]} />
          <div>
            <Typography.Title level={5}>{tr('活动照片', 'Photos')}</Typography.Title>
            {data.photoFiles?.length ? (
              <Image.PreviewGroup>
                <Flex gap={8} wrap>{data.photoFiles.map((p) => <Image key={p.id} width={96} height={96} style={{ objectFit: 'cover' }} src={attachmentUrl(p.id)} alt={p.name} />)}</Flex>
              </Image.PreviewGroup>
            ) : <Typography.Text type="secondary">{tr('没有照片', 'No photos')}</Typography.Text>}
          </div>
          {!!data.participants?.length && (
            <div>
              <Typography.Title level={5}>{tr(`参加人名单（${data.participants.length}人）`, `Participant list (${data.participants.length})`)}</Typography.Title>
              <Typography.Paragraph>{data.participants.map((p) => (p.orgName ? `${p.name}（${p.orgName}）` : p.name)).join('、')}</Typography.Paragraph>
            </div>
          )}
        </Space>
      )}
    </Drawer>
  );
}

