import { useNavigate } from 'react-router';
import { App } from 'antd';
import { api } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { ClaimForm } from '../mutual-aid/ClaimForm';
import { planRuleText } from '../mutual-aid/planText';
import type { MyCover } from '../mutual-aid/types';

/** A member's own secondary-reimbursement claim, with photos of the bills. */
export default function PortalClaimPage() {
  const { tr } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const cover = useAsync((signal) => api.get<MyCover>('/mutual-aid/my', {}, signal), []);
  if (cover.error) return <ErrorState error={cover.error} onRetry={cover.reload} />;
  if (!cover.data) return <Loading />;
  const plans = cover.data.items.map((c) => c.plan);
  return (
    <section className="m-card" aria-labelledby="m-claim">
      <h2 id="m-claim">{tr('互助保障二次报销', 'Secondary reimbursement')}</h2>
      {plans.length === 0 ? <EmptyState description={tr('尚未参加互助保障，请向所在工会咨询参保。', 'You are not enrolled in a plan; ask your union.')} /> : (
        <>
          <ul style={{ paddingLeft: 18, color: '#666', fontSize: 13 }}>
            {plans.map((p) => <li key={p.id}>{p.name}：{planRuleText(p, tr)}</li>)}
          </ul>
          <ClaimForm plans={plans} onDone={(id) => { message.success(tr('已提交，请关注审批进度', 'Submitted')); navigate(`/m/applications/${id}`); }} />
        </>
      )}
    </section>
  );
}
