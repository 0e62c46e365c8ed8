import { Link } from 'react-router';
import { Tag } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useLocale } from '../../i18n';
import { STATUS_COLORS, fenToYuan, type ApplicationRow, type ApplicationStatus } from '../workflow/types';

const STATUS_TEXT: Record<ApplicationStatus, [string, string]> = {
  in_review: ['审批中', 'In review'], returned: ['已退回，待修改', 'Returned'], approved: ['已批准，待发放', 'Approved'],
  rejected: ['未批准', 'Rejected'], withdrawn: ['已撤回', 'Withdrawn'], paid: ['已发放', 'Paid'],
};

export function PortalStatus({ status }: { status: ApplicationStatus }) {
  const { tr } = useLocale();
  return <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>{tr(...STATUS_TEXT[status])}</Tag>;
}

/** One application as a tappable tile: what, where it is, how much. */
export function ApplicationTile({ a }: { a: ApplicationRow }) {
  const { tr } = useLocale();
  const amount = a.status === 'approved' || a.status === 'paid' ? a.approvedFen : a.amountFen;
  return (
    <Link to={`/m/applications/${a.id}`} className="m-tile" data-testid="m-application">
      <div className="m-tile-body">
        <div className="m-tile-title" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{a.typeName}</div>
        <div className="m-tile-sub">
          {dayjs(a.submittedAt).format('YYYY-MM-DD')}
          {a.status === 'in_review' && a.currentStepName ? tr(` · ${a.currentStepName}`, ` · ${a.currentStepName}`) : ''}
          {amount !== null ? ` · ¥${fenToYuan(amount)}` : ''}
        </div>
      </div>
      <PortalStatus status={a.status} />
      <RightOutlined style={{ color: '#bbb' }} aria-hidden />
    </Link>
  );
}
