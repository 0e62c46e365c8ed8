import { Link, useParams } from 'react-router';
import { Card, Descriptions, Space } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';
import { ApplicationHistory, ApplicationSteps, StatusTag } from './ApplicationSteps';
import { DecisionPanel } from './DecisionPanel';
import { fenToYuan, type ApplicationView } from './types';

/** Any application, whatever its type: what was asked, where it stands, who decided what. */
export default function ApplicationPage() {
  const { id } = useParams();
  const { tr, en } = useLocale();
  const { data: app, error, loading, reload } = useAsync((signal) => api.get<ApplicationView>(`/applications/${id}`, undefined, signal), [id]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !app) return <Loading />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<span>{app.title} <StatusTag app={app} /></span>} extra={app.consolePath && <Link to={app.consolePath}>{tr('业务详情', 'Details')}</Link>}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={tr('类型', 'Type')}>{en ? app.typeNameEn : app.typeName}</Descriptions.Item>
          <Descriptions.Item label={tr('申请人', 'Applicant')}>{app.personName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={tr('受理工会', 'Filed with')}>{app.orgName}</Descriptions.Item>
          <Descriptions.Item label={tr('申请金额（元）', 'Requested (yuan)')}>{fenToYuan(app.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={tr('核定金额（元）', 'Granted (yuan)')}>{fenToYuan(app.approvedFen)}</Descriptions.Item>
          <Descriptions.Item label={tr('期间', 'Period')}>{app.periodKey ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={tr('提交时间', 'Submitted')}>{dayjs(app.submittedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          {app.payeeAccount && <Descriptions.Item label={tr('收款账户', 'Payee account')}>{app.payeeName} {app.payeeAccount}</Descriptions.Item>}
          {app.paidAt && <Descriptions.Item label={tr('发放时间', 'Paid')}>{dayjs(app.paidAt).format('YYYY-MM-DD')}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={tr('审批环节', 'Review steps')}>
        <ApplicationSteps app={app} />
      </Card>
      <DecisionPanel app={app} onDone={reload} />
      <Card title={tr('流转记录', 'History')}>
        <ApplicationHistory app={app} />
      </Card>
    </Space>
  );
}
