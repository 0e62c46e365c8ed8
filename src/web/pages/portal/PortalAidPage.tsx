import { useNavigate, useParams } from 'react-router';
import { App } from 'antd';
import { api } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { AidForm } from './AidForm';
import type { AidTypeInfo } from './PortalApply';

/** Apply for one kind of aid: its rule, its documents, the form. */
export default function PortalAidPage() {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const code = useParams().code;
  const types = useAsync((signal) => api.get<AidTypeInfo[]>('/aid/types', {}, signal), []);
  if (types.error) return <ErrorState error={types.error} onRetry={types.reload} />;
  if (!types.data) return <Loading />;
  const type = types.data.find((t) => t.code === code);
  if (!type) return <EmptyState description={tr('没有这种救助类型', 'No such aid type')} />;
  return (
    <section className="m-card" aria-labelledby="m-aid-title">
      <h2 id="m-aid-title">{en ? type.nameEn : type.name} <span style={{ fontWeight: 400, fontSize: 13, color: '#888' }}>{en ? type.periodNameEn : type.periodName}</span></h2>
      <p style={{ color: '#666', fontSize: 13 }}>{en ? type.ruleEn : type.rule}</p>
      {!type.open ? <EmptyState description={tr('本期尚未开放申请', 'Not open this period')} /> : (
        <AidForm type={type} onDone={(id) => { message.success(tr('已提交，请关注审批进度', 'Submitted')); navigate(`/m/applications/${id}`); }} />
      )}
    </section>
  );
}
