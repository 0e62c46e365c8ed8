import type { ReactNode } from 'react';
import { Alert, Button, Empty, Result, Spin } from 'antd';
import { ApiError, errorMessage } from '../api';
import { useLocale } from '../i18n';

export function Loading({ label }: { label?: string }) {
  const { tr } = useLocale();
  const text = label ?? tr('正在加载…', 'Loading…');
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', padding: 48, gap: 12, color: '#888' }}>
      <Spin />
      <span>{text}</span>
    </div>
  );
}

/** A readable error: the server's message, never a stack trace; with a retry when given. */
export function ErrorState({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const { tr } = useLocale();
  const msg = errorMessage(error);
  const action = onRetry ? <Button size="small" onClick={onRetry}>{tr('重试', 'Retry')}</Button> : undefined;
  if (compact || !(error instanceof ApiError) || error.status !== 403) {
    return <Alert type="error" showIcon role="alert" title={msg} action={action} style={{ margin: compact ? 0 : '16px 0' }} />;
  }
  // A refusal will not change on retry: no button, just the server's reason.
  return (
    <div role="alert">
      <Result status="403" title={tr('无权访问', 'No access')} subTitle={msg} />
    </div>
  );
}

export function EmptyState({ description, children }: { description?: ReactNode; children?: ReactNode }) {
  const { tr } = useLocale();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? tr('暂无数据', 'No data')}>
      {children}
    </Empty>
  );
}

export function Forbidden() {
  const { tr } = useLocale();
  return <Result status="403" title={tr('无权访问', 'No access')} subTitle={tr('您的账号没有使用此功能的权限，如需开通请联系区总工会管理员。', 'Your account may not use this page. Ask the district administrator for access.')} />;
}
