import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Descriptions, Flex, Space, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, EyeOutlined, SwapOutlined } from '@ant-design/icons';
import { api, errorMessage, type MemberDetail, type MemberHistory } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';
import { codeLabel, EDUCATION, EMPLOYMENT_STATUS, ETHNICITIES, EVENT_NAMES, HOUSEHOLD_TYPES, JOIN_METHODS, MEMBERSHIP_STATUS, POLITICAL_STATUS, SKILL_LEVELS, STATUS_COLORS } from '../../components/codes';
import { TransferDialog } from './TransferDialog';
import { StatusDialog, type StatusAction } from './StatusDialog';

function History({ id, version }: { id: number; version: number }) {
  const { tr, en } = useLocale();
  const { data, error, loading, reload } = useAsync((signal) => api.get<MemberHistory>(`/members/${id}/history`, undefined, signal), [id, version]);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={reload} compact />;
  if (!data) return null;
  const items = [
    ...data.memberships.map((m) => ({
      at: m.joinedOn ?? '',
      color: STATUS_COLORS[m.status] === 'default' ? 'gray' : STATUS_COLORS[m.status],
      content: (
        <div>
          <div><strong>{m.orgName ?? tr('其他工会', 'Another union')}</strong> <Tag color={STATUS_COLORS[m.status]}>{en ? codeLabel(MEMBERSHIP_STATUS, m.status, true) : m.statusName}</Tag></div>
          <Typography.Text type="secondary">{m.joinedOn ? `${m.joinedOn} ${tr('入会', 'joined')}` : tr('入会时间未登记', 'join date not recorded')}{m.endedOn ? ` — ${m.endedOn}` : ''}{m.reason ? ` · ${m.reason}` : ''}</Typography.Text>
        </div>
      ),
    })),
    ...data.events.map((e) => ({
      at: e.at.slice(0, 10),
      color: 'blue',
      content: (
        <div>
          <div><strong>{EVENT_NAMES[e.event] ? (en ? EVENT_NAMES[e.event].en : EVENT_NAMES[e.event].zh) : e.event}</strong></div>
          <Typography.Text type="secondary">
            {e.at.slice(0, 16).replace('T', ' ')}
            {e.fromOrgName || e.toOrgName ? ` · ${e.fromOrgName ?? ''}${e.toOrgName ? ' → ' + e.toOrgName : ''}` : ''}
            {e.reason ? ` · ${e.reason}` : ''}
          </Typography.Text>
        </div>
      ),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (!items.length) return <Typography.Text type="secondary">{tr('暂无会籍记录', 'No membership records')}</Typography.Text>;
  return <Timeline items={items.map((i) => ({ color: i.color, content: i.content }))} />;
}

/** A member's record: masked ID with audited unmasking, membership, transfer, history. */
export function MemberDetailView({ id, onChanged }: { id: number; onChanged?: () => void }) {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const { data: m, error, loading, reload } = useAsync((signal) => api.get<MemberDetail>(`/members/${id}`, undefined, signal), [id, version]);
  const [full, setFull] = useState<{ idNumber: string; phone: string | null } | null>(null);
  const [unmasking, setUnmasking] = useState(false);
  const [transfer, setTransfer] = useState(false);
  const [statusAction, setStatusAction] = useState<StatusAction | null>(null);
  const narrow = useMediaNarrow();
  const labelStyle = { label: { width: narrow ? 92 : 120 } };

  if (loading && !m) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!m) return null;

  const unmask = async () => {
    setUnmasking(true);
    try {
      setFull(await api.post<{ idNumber: string; phone: string | null }>(`/members/${id}/unmask`, {}));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setUnmasking(false);
    }
  };

  const flags = [
    m.isIndustrial && tr('产业工人', 'Industrial worker'),
    m.isMigrant && tr('农民工', 'Migrant worker'),
    m.isNewEmployment && tr('新就业形态', 'New employment form'),
    m.isModelWorker && tr('劳模', 'Model worker'),
  ].filter(Boolean) as string[];
  const ms = m.membership;
  const canTransfer = can('member.transfer') && ms?.status === 'active';
  const canWrite = can('member.write') && !!ms;
  // Which status changes the current state allows (active → retain/leave; retained → restore/leave).
  const statusActions: StatusAction[] = !canWrite || !ms ? [] : ms.status === 'active' ? ['retain', 'leave'] : ms.status === 'retained' ? ['restore', 'leave'] : [];
  const actionLabel: Record<StatusAction, string> = { retain: tr('保留会籍', 'Retain'), restore: tr('恢复会籍', 'Restore'), leave: tr('退会', 'Leave') };

  return (
    <div>
      <Descriptions column={1} size="small" bordered styles={labelStyle} title={tr('基本信息', 'Personal details')}
        extra={canWrite && <Link to={`/members/${id}/edit`}><Button size="small" icon={<EditOutlined />} data-testid="member-edit">{tr('编辑', 'Edit')}</Button></Link>}
      >
        <Descriptions.Item label={tr('姓名', 'Name')}><strong data-testid="detail-name">{m.name}</strong></Descriptions.Item>
        <Descriptions.Item label={tr('性别 / 出生日期', 'Gender / born')}>{m.gender === 'M' ? tr('男', 'Male') : tr('女', 'Female')} · {m.birthDate}</Descriptions.Item>
        <Descriptions.Item label={tr('身份证号码', 'ID number')}>
          <Flex gap={8} wrap align="center">
            <span style={{ fontFamily: 'monospace' }} data-testid="detail-id">{full?.idNumber ?? m.idNumberMasked}</span>
            {m.canUnmask && !full && (
              <Button size="small" icon={<EyeOutlined />} loading={unmasking} onClick={unmask}>{tr('查看完整号码', 'Show full number')}</Button>
            )}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={tr('手机号码', 'Mobile')}><span style={{ fontFamily: 'monospace' }}>{full ? full.phone ?? '—' : m.phoneMasked ?? '—'}</span></Descriptions.Item>
        <Descriptions.Item label={tr('民族', 'Ethnicity')}>{codeLabel(ETHNICITIES, m.ethnicity, en)}</Descriptions.Item>
        <Descriptions.Item label={tr('学历', 'Education')}>{codeLabel(EDUCATION, m.education, en)}</Descriptions.Item>
        <Descriptions.Item label={tr('政治面貌', 'Political status')}>{codeLabel(POLITICAL_STATUS, m.political, en)}</Descriptions.Item>
        <Descriptions.Item label={tr('户籍类型', 'Household')}>{codeLabel(HOUSEHOLD_TYPES, m.householdType, en)}</Descriptions.Item>
        <Descriptions.Item label={tr('工作单位', 'Employer')}>{m.employerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={tr('就业状态', 'Employment')}>{codeLabel(EMPLOYMENT_STATUS, m.employmentStatus, en)}</Descriptions.Item>
        <Descriptions.Item label={tr('职业 / 技能等级', 'Occupation / skill')}>{m.occupation || m.skillLevel ? `${m.occupation ?? '—'} · ${codeLabel(SKILL_LEVELS, m.skillLevel, en)}` : '—'}</Descriptions.Item>
        {flags.length > 0 && <Descriptions.Item label={tr('标识', 'Flags')}><Space size={4} wrap>{flags.map((f) => <Tag key={f}>{f}</Tag>)}</Space></Descriptions.Item>}
      </Descriptions>
      {full && <Alert type="info" showIcon style={{ marginTop: 8 }} title={tr('查看完整号码已记入审计日志。', 'Viewing the full number has been recorded in the audit log.')} />}

      <Descriptions column={1} size="small" bordered styles={labelStyle} style={{ marginTop: 20 }} title={tr('会籍', 'Membership')}
        extra={(canTransfer || statusActions.length > 0) && (
          <Flex gap={6} wrap justify="flex-end">
            {canTransfer && <Button size="small" icon={<SwapOutlined />} onClick={() => setTransfer(true)}>{tr('会籍转出', 'Transfer out')}</Button>}
            {statusActions.map((a) => (
              <Button key={a} size="small" danger={a === 'leave'} onClick={() => setStatusAction(a)}>{actionLabel[a]}</Button>
            ))}
          </Flex>
        )}
      >
        {ms ? (
          <>
            <Descriptions.Item label={tr('所属工会', 'Union')}>{ms.orgName}</Descriptions.Item>
            <Descriptions.Item label={tr('会籍状态', 'Status')}><Tag color={STATUS_COLORS[ms.status]} data-testid="detail-status">{en ? codeLabel(MEMBERSHIP_STATUS, ms.status, true) : ms.statusName}</Tag>{ms.statusReason ? ms.statusReason : ''}</Descriptions.Item>
            <Descriptions.Item label={tr('入会时间', 'Joined')}>{ms.joinedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={tr('入会方式', 'Join method')}>{codeLabel(JOIN_METHODS, ms.joinMethod, en)}</Descriptions.Item>
            <Descriptions.Item label={tr('会员卡号', 'Card no.')}>{ms.cardNo ?? '—'}</Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={tr('状态', 'Status')}>{tr('当前无会籍', 'No current membership')}</Descriptions.Item>
        )}
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 20 }}>{tr('会籍历史', 'Membership history')}</Typography.Title>
      <History id={id} version={version} />

      {statusAction && (
        <StatusDialog
          memberId={id}
          memberName={m.name}
          action={statusAction}
          onClose={() => setStatusAction(null)}
          onDone={() => {
            setStatusAction(null);
            setVersion((v) => v + 1);
            onChanged?.();
          }}
        />
      )}
      {transfer && ms && (
        <TransferDialog
          memberId={id}
          memberName={m.name}
          fromOrgId={ms.orgId}
          onClose={() => setTransfer(false)}
          onDone={() => {
            setTransfer(false);
            setVersion((v) => v + 1);
            onChanged?.();
          }}
        />
      )}
    </div>
  );
}
