import { Link, useNavigate } from 'react-router';
import { App, Card } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { ClaimForm } from './ClaimForm';
import type { Plan } from './types';

/** Union staff enter a member's paper claim (the member's own phone is the other way in). */
export default function ClaimNewPage() {
  const { tr } = useLocale();
  const { message } = App.useApp();
  const narrow = useMediaNarrow();
  const navigate = useNavigate();
  const plans = useAsync((signal) => api.get<{ items: Plan[] }>('/mutual-aid/plans', { status: 'open' }, signal), []);
  return (
    <Card title={<span><Link to="/mutual-aid" aria-label={tr('返回列表', 'Back to the list')}><ArrowLeftOutlined /></Link> <span style={{ marginLeft: 8 }}>{tr('代会员申请二次报销', 'File a claim for a member')}</span></span>}
      styles={{ body: { padding: narrow ? 12 : 24, maxWidth: 760 } }}>
      {plans.error ? <ErrorState error={plans.error} onRetry={plans.reload} /> : !plans.data ? <Loading /> : plans.data.items.length === 0 ? (
        <EmptyState description={tr('没有开放的保障计划', 'No open plan')} />
      ) : (
        <ClaimForm staff plans={plans.data.items} onDone={(id) => { message.success(tr('已提交，进入基层工会初审', 'Submitted for review')); navigate(`/mutual-aid/claims/${id}`); }} />
      )}
    </Card>
  );
}
