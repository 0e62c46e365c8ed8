import { Steps, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLocale } from '../../i18n';
import { useMediaNarrow } from '../../components/hooks';
import { ACTION_NAMES, STATUS_COLORS, type ApplicationView, type StepState } from './types';

const STEP_STATUS: Record<StepState, 'finish' | 'process' | 'wait' | 'error'> = {
  done: 'finish',
  current: 'process',
  pending: 'wait',
  returned: 'error',
  rejected: 'error',
};

const fmt = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '');

export function StatusTag({ app }: { app: Pick<ApplicationView, 'status' | 'statusName' | 'statusNameEn'> }) {
  const { en } = useLocale();
  return <Tag color={STATUS_COLORS[app.status]}>{en ? app.statusNameEn : app.statusName}</Tag>;
}

/** The review steps up the tree, each with who decided, when and what they wrote. */
export function ApplicationSteps({ app, vertical }: { app: ApplicationView; vertical?: boolean }) {
  const { tr, en } = useLocale();
  const narrow = useMediaNarrow();
  return (
    <Steps
      orientation={vertical || narrow ? 'vertical' : 'horizontal'}
      size="small"
      current={Math.min(app.currentStep, app.steps.length - 1)}
      aria-label={tr('审批环节', 'Review steps')}
      items={app.steps.map((s) => ({
        title: en ? s.nameEn : s.name,
        status: STEP_STATUS[s.state],
        subTitle: s.orgName,
        content: (
          <div style={{ fontSize: 12 }}>
            {s.decidedBy && <div>{s.decidedBy} · {fmt(s.decidedAt)}</div>}
            {s.comment && <div>“{s.comment}”</div>}
            {s.state === 'current' && s.dueAt && (
              <div style={{ color: dayjs(s.dueAt).isBefore(dayjs()) ? '#cf1322' : undefined }}>
                {tr('办理时限', 'Due')} {dayjs(s.dueAt).format('YYYY-MM-DD')}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** Every transition, oldest first: the immutable history. */
export function ApplicationHistory({ app }: { app: ApplicationView }) {
  const { tr, en } = useLocale();
  return (
    <Timeline
      aria-label={tr('流转记录', 'History')}
      items={app.events.map((e) => ({
        color: e.action === 'reject' ? 'red' : e.action === 'return' ? 'orange' : e.action === 'pay' || e.action === 'approve' ? 'green' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{en ? ACTION_NAMES[e.action].en : ACTION_NAMES[e.action].zh}</Typography.Text>
            {e.stepName && <span style={{ marginLeft: 8 }}>{e.stepName}</span>}
            <div style={{ fontSize: 12, color: '#888' }}>{e.userName} · {fmt(e.at)}</div>
            {e.comment && <div>“{e.comment}”</div>}
          </div>
        ),
      }))}
    />
  );
}
