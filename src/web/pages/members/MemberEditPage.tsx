import { useParams } from 'react-router';
import { Alert } from 'antd';
import { api, type MemberDetail } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';
import { MemberForm } from './MemberForm';

/** 编辑会员: the registration form, prefilled from the record (PATCH /members/{id}). */
export default function MemberEditPage() {
  const { tr } = useLocale();
  const id = Number(useParams().id);
  const { data, error, loading, reload } = useAsync((signal) => api.get<MemberDetail>(`/members/${id}`, undefined, signal), [id]);
  if (!Number.isInteger(id) || id <= 0) return <Alert type="error" showIcon title={tr('会员编号无效', 'Invalid member id')} />;
  if (loading && !data) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return null;
  if (!data.membership) return <Alert type="warning" showIcon role="alert" title={tr('此人已退会，不能修改', 'Not a current member; the record cannot be edited')} />;
  return <MemberForm key={data.id} member={data} />;
}
