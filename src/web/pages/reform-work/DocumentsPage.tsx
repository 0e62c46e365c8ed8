import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Drawer, Flex, Form, Input, Modal, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { ListSearch } from '../../components/ListSearch';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { AttachmentList, AttachmentUpload } from '../../components/AttachmentUpload';
import { validateDocNo } from '../../../shared/reform-work/doc-no';
import { DOCUMENT_TYPES, useSubmit, yearOptions, type PolicyDocument } from './shared';

/** 政策文件: plans, opinions, key points, work plans and notices with their 文号 and files. */
export default function DocumentsPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const { params, update, clear } = useUrlFilters();
  const q = params.get('q') ?? undefined;
  const docType = params.get('docType') ?? undefined;
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useAsync((signal) => api.get<Page<PolicyDocument>>('/reform/documents', { q, docType, year, page, pageSize: 20 }, signal), [q, docType, year, page]);
  const [editing, setEditing] = useState<PolicyDocument | 'new' | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const filtered = !!(q || docType || year);
  const typeLabel = (code: string, zh: string) => (en ? DOCUMENT_TYPES.find((t) => t.code === code)?.en ?? zh : zh);

  const columns: ColumnsType<PolicyDocument> = [
    { title: tr('文件标题', 'Title'), dataIndex: 'title', render: (v: string, d) => <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpenId(d.id)}>{v}</Button> },
    { title: tr('文号', 'Number'), dataIndex: 'docNo', width: 170 },
    { title: tr('类型', 'Type'), dataIndex: 'docTypeName', width: 110, responsive: ['md'], render: (v: string, d) => typeLabel(d.docType, v) },
    { title: tr('发文单位', 'Issuer'), dataIndex: 'issuerName', ellipsis: true, responsive: ['lg'] },
    { title: tr('印发日期', 'Issued'), dataIndex: 'issuedOn', width: 110, responsive: ['md'] },
  ];

  return (
    <Card title={tr('政策文件', 'Policy documents')} styles={{ body: { padding: narrow ? 12 : 24 } }}
      extra={can('reform.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{narrow ? tr('登记', 'Add') : tr('登记文件', 'Add document')}</Button>}>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <ListSearch value={q ?? ''} onSearch={(v) => update({ q: v })} label={tr('搜索标题或文号', 'Search title or number')} placeholder={tr('标题 / 文号', 'Title / number')} style={{ flex: '1 1 240px', maxWidth: narrow ? undefined : 320 }} />
          <Select aria-label={tr('按类型筛选', 'Filter by type')} placeholder={tr('文件类型', 'Type')} allowClear value={docType} onChange={(v) => update({ docType: v })}
            options={DOCUMENT_TYPES.map((t) => ({ value: t.code, label: en ? t.en : t.zh }))} style={{ flex: '0 1 150px', minWidth: 120 }} />
          <Select aria-label={tr('按年度筛选', 'Filter by year')} placeholder={tr('印发年度', 'Year')} allowClear value={year} onChange={(v) => update({ year: v })}
            options={yearOptions().map((y) => ({ value: y, label: String(y) }))} style={{ flex: '0 1 120px', minWidth: 100 }} />
          {filtered && <Button type="link" onClick={() => clear()}>{tr('清除筛选', 'Clear filters')}</Button>}
        </Flex>
      </form>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<PolicyDocument> rowKey="id" size={narrow ? 'small' : 'middle'} columns={columns} dataSource={list.data?.items} loading={list.loading}
          onRow={() => ({ 'data-testid': 'document-row' }) as never}
          locale={{ emptyText: list.loading ? ' ' : <EmptyState description={filtered ? tr('没有符合条件的文件', 'No document matches') : tr('还没有登记政策文件', 'No documents yet')} /> }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, simple: narrow, showSizeChanger: false, onChange: (p) => update({ page: p === 1 ? undefined : p }, false) }} />
      )}
      {editing && <DocumentForm initial={editing === 'new' ? undefined : editing} onClose={(saved) => { setEditing(null); if (saved) { list.reload(); setOpenId(saved.id); } }} />}
      {openId !== null && <DocumentDrawer id={openId} onClose={() => setOpenId(null)} onEdit={can('reform.manage') ? (d) => { setOpenId(null); setEditing(d); } : undefined} />}
    </Card>
  );
}

function DocumentDrawer({ id, onClose, onEdit }: { id: number; onClose: () => void; onEdit?: (d: PolicyDocument) => void }) {
  const { tr } = useLocale();
  const narrow = useMediaNarrow();
  const { data, error, reload } = useAsync((signal) => api.get<PolicyDocument>(`/reform/documents/${id}`, undefined, signal), [id]);
  return (
    <Drawer open onClose={onClose} width={narrow ? '100%' : 560} title={data?.title ?? tr('文件', 'Document')} extra={data && onEdit && <Button onClick={() => onEdit(data)}>{tr('编辑', 'Edit')}</Button>}>
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <Loading /> : (
        <Descriptions column={1} size="small" bordered items={[
          { key: 'n', label: tr('文号', 'Number'), children: data.docNo },
          { key: 't', label: tr('类型', 'Type'), children: data.docTypeName },
          { key: 'i', label: tr('发文单位', 'Issuer'), children: data.issuerName },
          { key: 'd', label: tr('印发日期', 'Issued'), children: data.issuedOn },
          { key: 'e', label: tr('施行日期', 'Effective'), children: data.effectiveOn ?? '—' },
          { key: 's', label: tr('摘要', 'Summary'), children: data.summary ?? '—' },
          { key: 'a', label: tr('附件', 'Files'), children: <AttachmentList items={data.attachments ?? []} /> },
        ]} />
      )}
    </Drawer>
  );
}

interface Values { docType: string; title: string; issuerOrgId?: number; docNo: string; issuedOn?: Dayjs; effectiveOn?: Dayjs | null; summary?: string; attachmentIds?: number[] }

function DocumentForm({ initial, onClose }: { initial?: PolicyDocument; onClose: (saved: PolicyDocument | null) => void }) {
  const { tr, en } = useLocale();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useSubmit(form, ['docType', 'title', 'issuerOrgId', 'docNo', 'issuedOn', 'effectiveOn', 'summary', 'attachmentIds']);
  const submit = (v: Values) => {
    const body = { ...v, issuedOn: v.issuedOn?.format('YYYY-MM-DD') ?? '', effectiveOn: v.effectiveOn ? v.effectiveOn.format('YYYY-MM-DD') : null, summary: v.summary || null, attachmentIds: v.attachmentIds ?? [] };
    let saved: PolicyDocument | null = null;
    return run(async () => {
      saved = initial ? await api.patch<PolicyDocument>(`/reform/documents/${initial.id}`, body) : await api.post<PolicyDocument>('/reform/documents', body);
    }, tr('已保存', 'Saved')).then((ok) => {
      if (!ok) return;
      const s = saved as PolicyDocument | null;
      // The server normalised the number or found the year odd: say so, it was still saved.
      if (s?.warnings?.length) modal.info({ title: tr('请注意', 'Please note'), content: s.warnings.map((w) => w.message).join('；') });
      onClose(s);
    });
  };
  return (
    <Modal open width={640} title={initial ? tr('编辑文件', 'Edit document') : tr('登记政策文件', 'Add a policy document')} onCancel={() => onClose(null)} onOk={() => form.submit()} confirmLoading={busy} okText={tr('保存', 'Save')} destroyOnHidden>
      <FormErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initial ? {
        docType: initial.docType, title: initial.title, issuerOrgId: initial.issuerOrgId, docNo: initial.docNo, issuedOn: dayjs(initial.issuedOn),
        effectiveOn: initial.effectiveOn ? dayjs(initial.effectiveOn) : null, summary: initial.summary ?? undefined,
      } : undefined}>
        <Form.Item name="docType" label={tr('文件类型', 'Type')} rules={[{ required: true, message: tr('请选择类型', 'Choose the type') }]}>
          <Select options={DOCUMENT_TYPES.map((t) => ({ value: t.code, label: en ? t.en : t.zh }))} />
        </Form.Item>
        <Form.Item name="title" label={tr('文件标题', 'Title')} rules={[{ required: true, whitespace: true, message: tr('请填写标题', 'Enter the title') }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="issuerOrgId" label={tr('发文单位', 'Issuer')} rules={[{ required: true, message: tr('请选择发文单位', 'Choose the issuer') }]}><OrgTreeSelect ariaLabel={tr('发文单位', 'Issuer')} /></Form.Item>
        <Form.Item name="docNo" label={tr('文号', 'Document number')} extra={tr('如：密工发〔2023〕5号（年份用六角括号，序号不加0）', 'e.g. 密工发〔2023〕5号')} validateDebounce={300}
          rules={[{ required: true, whitespace: true, message: tr('请填写文号', 'Enter the number') }, { validator: async (_r, v?: string) => {
            if (!v?.trim()) return;
            const r = validateDocNo(v, { maxYear: new Date().getFullYear() + 1 });
            if (!r.ok) throw new Error(en ? r.messageEn : r.message);
          } }]}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="issuedOn" label={tr('印发日期', 'Issued on')} rules={[{ required: true, message: tr('请选择日期', 'Choose the date') }]} style={{ flex: '1 1 200px' }}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="effectiveOn" label={tr('施行日期', 'Effective on')} style={{ flex: '1 1 200px' }}><DatePicker style={{ width: '100%' }} /></Form.Item>
        </Flex>
        <Form.Item name="summary" label={tr('摘要', 'Summary')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        <Form.Item name="attachmentIds" label={tr('附件（正文、附件扫描件）', 'Files')}><AttachmentUpload existing={initial?.attachments} /></Form.Item>
      </Form>
    </Modal>
  );
}
