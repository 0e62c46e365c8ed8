import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Progress, Row, Select, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import dayjs from 'dayjs';
import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { API, ApiError, api, errorMessage, queryString, type ImportStatus, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

const STATUS_TAG: Record<string, { color: string; zh: string; en: string }> = {
  queued: { color: 'default', zh: '排队中', en: 'Queued' },
  running: { color: 'processing', zh: '导入中', en: 'Running' },
  done: { color: 'success', zh: '已完成', en: 'Done' },
  failed: { color: 'error', zh: '失败', en: 'Failed' },
};

function StatusTag({ status }: { status: string }) {
  const { en } = useLocale();
  const s = STATUS_TAG[status] ?? { color: 'default', zh: status, en: status };
  return <Tag color={s.color} data-testid="import-status">{en ? s.en : s.zh}</Tag>;
}

/** Polls GET /imports/{id} every second until the import is done or failed. */
function ImportProgress({ id, onFinished }: { id: number; onFinished?: () => void }) {
  const { tr } = useLocale();
  const [state, setState] = useState<ImportStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    setState(null);
    setError(null);
    const tick = async () => {
      try {
        const s = await api.get<ImportStatus>(`/imports/${id}`);
        if (stop) return;
        setState(s);
        setError(null);
        if (s.status === 'done' || s.status === 'failed') {
          finished.current?.();
          return;
        }
      } catch (err) {
        if (stop) return;
        setError(err);
        if (err instanceof ApiError && (err.status === 404 || err.status === 403)) return;
      }
      timer = setTimeout(tick, 1000);
    };
    tick();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [id]);

  if (error && !state) return <ErrorState error={error} />;
  if (!state) return <Loading />;
  const running = state.status === 'queued' || state.status === 'running';
  const pct = state.total ? Math.round((state.imported / state.total) * 100) : 0;
  return (
    <div data-testid="import-progress" aria-live="polite">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={tr('文件', 'File')}>{state.filename}</Descriptions.Item>
        <Descriptions.Item label={tr('导入到', 'Into')}>{state.orgName}</Descriptions.Item>
        <Descriptions.Item label={tr('状态', 'Status')}><StatusTag status={state.status} /></Descriptions.Item>
        <Descriptions.Item label={tr('开始时间', 'Started')}>{dayjs(state.createdAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
      </Descriptions>
      {running ? (
        <Progress percent={99} status="active" showInfo={false} aria-label={tr('导入进度', 'Import progress')} />
      ) : (
        <Progress
          percent={state.total ? 100 : 0}
          strokeColor={state.rejected ? '#ff4d4f' : undefined}
          status={state.status === 'failed' ? 'exception' : undefined}
          success={{ percent: pct }}
          format={() => `${pct}%`}
          aria-label={tr(`导入结果：成功 ${pct}%`, `Import result: ${pct}% imported`)}
        />
      )}
      <Row gutter={16} style={{ margin: '12px 0' }}>
        <Col span={8}><Statistic title={tr('已处理行数', 'Rows processed')} value={state.total} /></Col>
        <Col span={8}><Statistic title={tr('成功导入', 'Imported')} value={state.imported} styles={{ content: { color: '#389e0d' } }} /></Col>
        <Col span={8}><Statistic title={tr('退回', 'Rejected')} value={state.rejected} styles={{ content: { color: state.rejected ? '#cf1322' : undefined } }} /></Col>
      </Row>
      {state.message && <Alert type={state.status === 'failed' ? 'error' : 'info'} showIcon title={state.message} style={{ marginBottom: 12 }} />}
      {!running && state.rejected > 0 && (
        <>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
            <Typography.Text>{tr(`有 ${state.rejected} 行被退回，请下载错误行工作簿改正后重新上传。`, `${state.rejected} rows were rejected: download them, fix and upload again.`)}</Typography.Text>
            <Button icon={<FileExcelOutlined />} href={`${API}/imports/${state.id}/errors.xlsx`} download data-testid="errors-link">{tr('下载错误行', 'Download rejected rows')}</Button>
          </Flex>
          <Table
            size="small"
            rowKey={(r) => `${r.row}-${r.column}-${r.code}`}
            dataSource={state.errors ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true, simple: true }}
            columns={[
              { title: tr('行号', 'Row'), dataIndex: 'row', width: 70 },
              { title: tr('列', 'Column'), dataIndex: 'column', width: 140 },
              { title: tr('原因', 'Reason'), dataIndex: 'reason' },
            ]}
          />
        </>
      )}
      {!running && state.imported > 0 && (
        <div style={{ marginTop: 12 }}><Link to={`/members${queryString({ orgId: state.orgId })}`}>{tr('在花名册中查看', 'View in the roster')}</Link></div>
      )}
    </div>
  );
}

export default function ImportPage() {
  const { tr } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const [params, setParams] = useSearchParams();
  const current = params.get('import') ? Number(params.get('import')) : undefined;
  const [orgId, setOrgId] = useState<number>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const recent = useAsync((signal) => api.get<Page<ImportStatus>>('/imports', { pageSize: 10 }, signal), []);
  const [exportOrg, setExportOrg] = useState<number>();
  const [exportStatus, setExportStatus] = useState<string>('current');

  const start = async () => {
    setError(null);
    const file = files[0]?.originFileObj;
    if (!orgId) return setError(tr('请选择导入到哪个工会', 'Choose the union to import into'));
    if (!file) return setError(tr('请选择要上传的 .xlsx 文件', 'Choose an .xlsx file'));
    const form = new FormData();
    form.append('orgId', String(orgId));
    form.append('file', file, file.name);
    setBusy(true);
    try {
      const { id } = await api.upload<{ id: number }>('/imports/members', form);
      setFiles([]);
      setParams({ import: String(id) });
      recent.reload();
    } catch (err) {
      const d = err instanceof ApiError ? err.details.map((x) => x.message).join('；') : '';
      setError(d || errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card title={tr('导入会员花名册', 'Import a member roster')} styles={{ body: { padding: narrow ? 12 : 24 } }}
          extra={<Button type="link" icon={<DownloadOutlined />} href={`${API}/imports/members/template.xlsx`} download data-testid="template-link">{tr('下载导入模板', 'Download template')}</Button>}>
          <Typography.Paragraph type="secondary">
            {tr('按模板填写后上传（.xlsx，单个文件不超过 300MB）。有错误的行会被退回并说明原因，其余行照常导入；同一人重复导入不会重复登记。',
              'Fill in the template and upload it (.xlsx, up to 300 MB). Rows with problems are returned with reasons; the rest are imported. Importing the same person twice does not duplicate them.')}
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
          <Form layout="vertical" onFinish={start}>
            <Form.Item label={tr('导入到工会', 'Import into union')} required htmlFor="import-org">
              <OrgTreeSelect id="import-org" unionsOnly value={orgId} onChange={setOrgId} ariaLabel={tr('导入到工会', 'Import into union')} />
            </Form.Item>
            <Form.Item label={tr('花名册文件', 'Roster file')} required>
              <Upload.Dragger
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                multiple={false}
                maxCount={1}
                fileList={files}
                beforeUpload={() => false}
                onChange={({ fileList }) => setFiles(fileList.slice(-1))}
                aria-label={tr('选择花名册文件', 'Choose the roster file')}
              >
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p className="ant-upload-text">{tr('点击或拖拽 .xlsx 文件到这里', 'Click or drop an .xlsx file here')}</p>
              </Upload.Dragger>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} disabled={!can('member.import')}>{tr('开始导入', 'Start import')}</Button>
          </Form>
        </Card>
        {current && (
          <Card title={tr(`导入进度（#${current}）`, `Import #${current}`)} style={{ marginTop: 16 }} styles={{ body: { padding: narrow ? 12 : 24 } }}>
            <ImportProgress id={current} onFinished={recent.reload} />
          </Card>
        )}
      </Col>
      <Col xs={24} xl={10}>
        {can('member.export') && (
          <Card title={tr('导出花名册', 'Export the roster')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">
              {tr('导出的证件号码和手机号码默认脱敏，导出操作记入审计日志。也可在花名册页面按搜索条件导出。', 'ID and mobile numbers are masked; every export is audited. The roster page exports its current filter too.')}
            </Typography.Paragraph>
            <Flex vertical gap={8}>
              <OrgTreeSelect value={exportOrg} onChange={setExportOrg} ariaLabel={tr('导出哪个组织', 'Organisation to export')} placeholder={tr('全部（我的管理范围）', 'Everything in my scope')} />
              <Select value={exportStatus} onChange={setExportStatus} aria-label={tr('会籍状态', 'Status')} options={[
                { value: 'current', label: tr('在册会员', 'Current members') },
                { value: 'active', label: tr('在会', 'Active') },
                { value: 'retained', label: tr('保留会籍', 'Retained') },
                { value: 'left', label: tr('退会', 'Left') },
              ]} />
              <Button type="primary" icon={<DownloadOutlined />} href={`${API}/members/export.xlsx${queryString({ orgId: exportOrg, status: exportStatus })}`} download>{tr('导出 Excel', 'Export to Excel')}</Button>
            </Flex>
          </Card>
        )}
        <Card title={tr('最近的导入', 'Recent imports')} styles={{ body: { padding: narrow ? 8 : 16 } }}>
          {recent.error ? <ErrorState error={recent.error} onRetry={recent.reload} compact /> : (
            <Table<ImportStatus>
              size="small"
              rowKey="id"
              loading={recent.loading}
              dataSource={recent.data?.items}
              pagination={false}
              locale={{ emptyText: recent.loading ? ' ' : <EmptyState description={tr('还没有导入记录', 'No imports yet')} /> }}
              columns={[
                { title: '#', dataIndex: 'id', width: 56, render: (id: number) => <a href={`?import=${id}`} onClick={(e) => { e.preventDefault(); setParams({ import: String(id) }); }}>{id}</a> },
                { title: tr('工会', 'Union'), dataIndex: 'orgName', ellipsis: true },
                { title: tr('状态', 'Status'), dataIndex: 'status', width: 84, render: (s: string) => <StatusTag status={s} /> },
                { title: tr('导入 / 退回', 'In / out'), width: 100, render: (_: unknown, r) => `${r.imported} / ${r.rejected}` },
              ]}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
