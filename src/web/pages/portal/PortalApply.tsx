import { Link } from 'react-router';
import { RightOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';
import type { MyCover } from '../mutual-aid/types';

/** The server's /aid/types row, as the console's aid pages read it. */
export type { AidTypeRow as AidTypeInfo } from '../aid/aidApi';
import type { AidTypeRow as AidTypeInfo } from '../aid/aidApi';

/** What a member can apply for: the aid types of this period and mutual-aid reimbursement. */
export default function PortalApply() {
  const { tr, en } = useLocale();
  const types = useAsync((signal) => api.get<AidTypeInfo[]>('/aid/types', {}, signal), []);
  const cover = useAsync((signal) => api.get<MyCover>('/mutual-aid/my', {}, signal), []);
  return (
    <>
      <section aria-labelledby="m-aid">
        <h2 id="m-aid" style={{ fontSize: 16, margin: '4px 4px 10px' }}>{tr('困难帮扶救助', 'Hardship aid')}</h2>
        {types.error ? <ErrorState error={types.error} onRetry={types.reload} /> : !types.data ? <Loading /> : types.data.map((t) => (
          <Link key={t.code} to={`/m/apply/aid/${t.code}`} className="m-tile" aria-disabled={!t.open} data-testid={`m-aid-${t.code}`}>
            <div className="m-tile-body">
              <div className="m-tile-title">{en ? t.nameEn : t.name} <span style={{ fontWeight: 400, fontSize: 13, color: '#888' }}>{en ? t.periodNameEn : t.periodName}</span></div>
              <div className="m-tile-sub">{t.open ? (en ? t.ruleEn : t.rule) : tr('本期尚未开放', 'Not open this period')}</div>
            </div>
            <RightOutlined style={{ color: '#bbb' }} aria-hidden />
          </Link>
        ))}
      </section>
      <section aria-labelledby="m-ma" style={{ marginTop: 16 }}>
        <h2 id="m-ma" style={{ fontSize: 16, margin: '4px 4px 10px' }}>{tr('职工互助保障', 'Mutual aid')}</h2>
        {cover.error ? <ErrorState error={cover.error} onRetry={cover.reload} /> : (
          <Link to="/m/apply/claim" className="m-tile" aria-disabled={!cover.data?.items.length} data-testid="m-claim-tile">
            <div className="m-tile-body">
              <div className="m-tile-title">{tr('住院医疗等二次报销', 'Secondary reimbursement')}</div>
              <div className="m-tile-sub">
                {!cover.data ? tr('正在加载…', 'Loading…') : cover.data.items.length
                  ? tr(`已参加：${cover.data.items.map((c) => c.plan.name).join('、')}`, `Enrolled: ${cover.data.items.map((c) => c.plan.name).join(', ')}`)
                  : tr('尚未参加互助保障，不能申请报销', 'Not enrolled in a plan')}
              </div>
            </div>
            <RightOutlined style={{ color: '#bbb' }} aria-hidden />
          </Link>
        )}
      </section>
    </>
  );
}
