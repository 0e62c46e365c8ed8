import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Flex, Steps, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { API, ApiError, api, errorMessage, type ErrorDetail } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';
import { Panel } from '../../components/Panel';
import type { Plan } from './shared';

/** One plan: its tasks (on the board), publishing, and the task-list import (template → upload → per-row errors). */
export default function PlanPage() {
  const { id } = useParams();
  const { tr } = useLocale();
  const { can } = useAuth();
  const { message } = App.useApp();
  const plan = useAsync((signal) => api.get<Plan>(`/reform/plans/${id}`, undefined, signal), [id]);
  if (plan.error) return <ErrorState error={plan.error} onRetry={plan.reload} />;
  const p = plan.data;
  if (!p) return <Loading />;
  const manage = can('reform.manage');

  const toggle = async () => {
    try {
      await api.patch(`/reform/plans/${p.id}`, { status: p.status === 'published' ? 'draft' : 'published' });
      plan.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Link to="/reform/plans">← {tr('全部工作计划', 'All plans')}</Link>
      <Panel title={p.title} extra={manage && <Button onClick={toggle}>{p.status === 'published' ? tr('撤回为草稿', 'Back to draft') : tr('发布', 'Publish')}</Button>}>
        <Flex gap={12} wrap align="center">
          {p.status === 'published' ? <Tag color="green">{tr('已发布', 'Published')}</Tag> : <Tag>{tr('草稿', 'Draft')}</Tag>}
          <Typography.Text>{tr(`${p.year}年度 · ${p.orgName ?? ''} · 可见任务 ${p.taskCount ?? 0} 项`, `${p.year} · ${p.orgName ?? ''} · ${p.taskCount ?? 0} visible tasks`)}</Typography.Text>
          <Link to={`/reform/tasks?planId=${p.id}`}><Button icon={<UnorderedListOutlined />}>{tr('查看任务台账', 'Task board')}</Button></Link>
          {manage && <Link to={`/reform/tasks?planId=${p.id}&new=1`}><Button type="primary" icon={<PlusOutlined />}>{tr('新建任务', 'New task')}</Button></Link>}
        </Flex>
      </Panel>
      {manage && <ImportPanel planId={p.id} />}
    </Flex>
  );
}

function ImportPanel({ planId }: { planId: number }) {
  const { tr, en } = useLocale();
  const { session } = useAuth();
  const narrow = useMediaNarrow();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ created: number } | null>(null);
  const [error, setError] = useState<{ message: string; rows: ErrorDetail[] } | null>(null);

  const send = async (f: File) => {
    setFile(f);
    setBusy(true);
    setError(null);
    setResult(null);
    const form = new FormData();
    form.append('file', f, f.name);
    try {
      setResult(await api.upload<{ created: number }>(`/reform/plans/${planId}/import`, form));
    } catch (err) {
      setError({ message: errorMessage(err), rows: err instanceof ApiError ? err.details : [] });
    } finally {
      setBusy(false);
    }
  };

  // The marked-up workbook: the same file posted again, answered as .xlsx.
  const downloadErrors = async () => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    const res = await fetch(`${API}/reform/plans/${planId}/import/errors.xlsx`, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'X-CSRF-Token': session?.csrfToken ?? '' } });
    if (!res.ok) return;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = '任务清单错误行.xlsx';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Panel title={tr('导入任务清单', 'Import the task list')} testId="task-import">
      <Steps size="small" direction={narrow ? 'vertical' : 'horizontal'} current={result ? 2 : file ? 1 : 0} style={{ marginBottom: 16 }}
        items={[{ title: tr('下载模板', 'Template') }, { title: tr('上传 .xlsx', 'Upload .xlsx') }, { title: tr('完成', 'Done') }]} />
      <Flex vertical gap={12}>
        <div><Button icon={<DownloadOutlined />} href={`${API}/reform/tasks/template.xlsx`} download>{tr('下载任务清单模板', 'Download the template')}</Button></div>
        <Upload.Dragger accept=".xlsx" showUploadList={false} disabled={busy} customRequest={({ file: f }) => void send(f as File)} aria-label={tr('上传任务清单', 'Upload the task list')}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p>{busy ? tr('正在校验和导入…', 'Checking and importing…') : tr('点击或拖入任务清单 .xlsx（整表校验：有错行则全部不导入）', 'Click or drop the .xlsx (all or nothing)')}</p>
        </Upload.Dragger>
        {result && <Alert type="success" showIcon title={tr(`已导入 ${result.created} 项任务`, `${result.created} tasks imported`)} action={<Link to={`/reform/tasks?planId=${planId}`}>{tr('查看', 'View')}</Link>} />}
        {error && (
          <>
            <Alert type="error" showIcon role="alert" title={error.message} action={error.rows.some((r) => r.row) ? <Button size="small" onClick={downloadErrors}>{tr('下载错误行', 'Download rows with errors')}</Button> : undefined} />
            {error.rows.length > 0 && (
              <Table size="small" rowKey={(r) => `${r.row}-${r.column}-${r.code}`} pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={error.rows} data-testid="import-errors"
                columns={[
                  { title: tr('行', 'Row'), dataIndex: 'row', width: 60 },
                  { title: tr('列', 'Column'), dataIndex: 'column', width: 100 },
                  { title: tr('原因', 'Reason'), dataIndex: 'message', render: (m: string, r) => (en && r.messageEn ? r.messageEn : m) },
                ]} />
            )}
          </>
        )}
      </Flex>
    </Panel>
  );
}
