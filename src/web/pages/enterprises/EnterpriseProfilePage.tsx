import { Link, useParams } from 'react-router';
import { Button, Card, Descriptions, Flex, Space, Statistic, Tag, Typography } from 'antd';
import { ApartmentOutlined, EditOutlined, TeamOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';
import { divisionName, industryName, ownershipName, type Enterprise } from './shared';

export default function EnterpriseProfilePage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const id = Number(useParams().id);
  const e = useAsync((signal) => api.get<Enterprise>(`/enterprises/${id}`, undefined, signal), [id]);
  if (e.error) return <ErrorState error={e.error} onRetry={e.reload} />;
  if (!e.data) return <Loading />;
  const x = e.data;
  const yes = (b: boolean) => (b ? tr('是', 'Yes') : tr('否', 'No'));
  return (
    <Card
      title={<span data-testid="enterprise-name">{x.name}</span>}
      extra={can('enterprise.write') && <Link to={`/enterprises/${x.id}/edit`}><Button icon={<EditOutlined />}>{tr('编辑', 'Edit')}</Button></Link>}
      styles={{ body: { padding: narrow ? 12 : 24 } }}
    >
      <Flex gap={24} wrap style={{ marginBottom: 16 }} align="center">
        <Statistic title={tr('职工人数', 'Employees')} value={x.employees} />
        <Statistic title={tr('在会会员', 'Members')} value={x.members ?? 0} valueStyle={{ color: '#c8102e' }} />
        <div>
          {x.unionEstablished ? <Tag color="green">{tr('已建会', 'Union established')}</Tag> : <Tag color="orange">{tr('未建会', 'No union')}</Tag>}
          {x.inPark && <Tag>{tr('园区企业', 'In a park')}</Tag>}
          {x.listed && <Tag>{tr('上市企业', 'Listed')}</Tag>}
        </div>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        {can('member.read') && (
          <Link to={`/members?enterpriseId=${x.id}`} data-testid="enterprise-roster-link"><Button icon={<TeamOutlined />}>{tr('查看本单位会员', 'Members employed here')}</Button></Link>
        )}
        <Link to={`/orgs?id=${x.orgId}`}><Button icon={<ApartmentOutlined />}>{tr('所属工会', 'Covering union')}</Button></Link>
      </Space>
      <Descriptions size="small" bordered column={narrow ? 1 : 2} styles={{ label: { width: 150 } }} data-testid="enterprise-profile">
        <Descriptions.Item label={tr('统一社会信用代码', 'Credit code')}><span style={{ fontFamily: 'monospace' }}>{x.creditCode}</span></Descriptions.Item>
        <Descriptions.Item label={tr('所属工会', 'Covering union')}><Link to={`/orgs?id=${x.orgId}`} data-testid="enterprise-org-link">{x.orgName}</Link></Descriptions.Item>
        <Descriptions.Item label={tr('所在镇街', 'Town / street')}>{divisionName(x.divisionCode, en)}</Descriptions.Item>
        <Descriptions.Item label={tr('行业', 'Industry')}>{industryName(x.industryCode, en)}</Descriptions.Item>
        <Descriptions.Item label={tr('经济类型', 'Ownership')}>{ownershipName(x.ownership, en)}</Descriptions.Item>
        <Descriptions.Item label={tr('建会日期', 'Union founded')}>{x.unionSince ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={tr('园区企业', 'In a park')}>{yes(x.inPark)}</Descriptions.Item>
        <Descriptions.Item label={tr('上市企业', 'Listed')}>{yes(x.listed)}</Descriptions.Item>
        <Descriptions.Item label={tr('地址', 'Address')} span={narrow ? 1 : 2}>{x.address ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/enterprises">{tr('← 返回企业列表', '← Back to enterprises')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
