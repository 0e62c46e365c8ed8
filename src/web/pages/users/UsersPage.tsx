import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, KeyOutlined, UserAddOutlined } from '@ant-design/icons';
import { ApiError, api, errorMessage, type MemberRow, type Page, type Permission, type Role } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { ROLE_NAMES } from '../../layout/nav';

export interface UserRow {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  orgId: number | null;
  orgName: string | null;
  personId: number | null;
  permissions: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

const ROLES: Role[] = ['district_admin', 'org_admin', 'unit_staff', 'auditor', 'member'];
/** Roles that act inside one organisation's subtree: the server requires orgId for them. */
const ORG_ROLES: Role[] = ['org_admin', 'unit_staff'];
/** Extra grants an administrator may give on top of the role (GRANTABLE on the server). */
const GRANTS: { value: Permission; zh: string; en: string }[] = [
  { value: 'member.unmask', zh: '查看完整证件号码（member.unmask）', en: 'See full ID numbers (member.unmask)' },
  { value: 'member.export', zh: '导出花名册（member.export）', en: 'Export the roster (member.export)' },
];

const isLocked = (u: UserRow) => !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();

function useFieldErrors() {
  const { en } = useLocale();
  return (form: ReturnType<typeof Form.useForm>[0], err: unknown, fields: string[]) => {
    if (!(err instanceof ApiError)) return;
    const hits = err.details.filter((d) => d.field && fields.includes(d.field));
    if (hits.length) form.setFields(hits.map((d) => ({ name: d.field!, errors: [en && d.messageEn ? d.messageEn : d.message] })));
  };
}

/** A password shown once, with a copy button and the first-sign-in note. */
function PasswordModal({ username, password, onClose }: { username: string; password: string; onClose: () => void }) {
  const { tr } = useLocale();
  return (
    <Modal open title={tr(`“${username}”的初始密码`, `Initial password of “${username}”`)} onCancel={onClose} destroyOnHidden maskClosable={false}
      footer={<Button type="primary" onClick={onClose}>{tr('我已记下', 'I have noted it')}</Button>}>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }}
        title={tr('此密码只显示这一次，关闭后无法再次查看。', 'This password is shown only once; it cannot be viewed again after closing.')}
        description={tr('请通过安全方式告知用户；用户首次登录时必须修改密码。', 'Give it to the user securely; they must change it at first sign-in.')} />
      <Typography.Paragraph copyable={{ text: password, tooltips: [tr('复制密码', 'Copy password'), tr('已复制', 'Copied')] }} style={{ fontSize: 20, marginBottom: 0 }}>
        <code data-testid="generated-password" style={{ fontSize: 20, wordBreak: 'break-all' }}>{password}</code>
      </Typography.Paragraph>
    </Modal>
  );
}

/** Find the person for a member account: search the roster by name, ID number or mobile. */
function PersonSelect({ value, onChange }: { value?: number; onChange?: (v: number | undefined) => void }) {
  const { tr } = useLocale();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (q.trim().length < 1) return;
    const ctl = new AbortController();
    const t = setTimeout(() => {
      setLoading(true);
      api.get<Page<MemberRow>>('/members', { q: q.trim(), pageSize: 20, status: 'current' }, ctl.signal)
        .then((r) => setOptions(r.items.map((m) => ({ value: m.id, label: `${m.name}（${m.idNumberMasked}，${m.orgName}）` }))))
        .catch(() => setOptions([]))
        .finally(() => !ctl.signal.aborted && setLoading(false));
    }, 300);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [q]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={loading}
      allowClear
      aria-label={tr('关联会员', 'Member record')}
      placeholder={tr('输入姓名、身份证号码或手机号码查找', 'Search by name, ID number or mobile')}
      notFoundContent={q ? tr('没有找到', 'No match') : tr('请输入以查找', 'Type to search')}
    />
  );
}

interface CreateValues {
  username: string;
  displayName?: string;
  role: Role;
  orgId?: number;
  personId?: number;
  permissions?: string[];
  password?: string;
}

function CreateUserDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (u: UserRow, password?: string) => void }) {
  const { tr, en } = useLocale();
  const [form] = Form.useForm<CreateValues>();
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = useFieldErrors();

  const submit = async (v: CreateValues) => {
    setBusy(true);
    setError(null);
    try {
      const out = await api.post<{ user: UserRow; password?: string }>('/users', {
        username: v.username.trim(),
        displayName: v.displayName?.trim() || null,
        role: v.role,
        orgId: v.role !== 'district_admin' && v.role !== 'member' ? v.orgId ?? null : null,
        personId: v.role === 'member' ? v.personId ?? null : null,
        permissions: v.permissions ?? [],
        ...(v.password ? { password: v.password } : {}),
      });
      onCreated(out.user, out.password);
    } catch (err) {
      fieldErrors(form as never, err, ['username', 'displayName', 'role', 'orgId', 'personId', 'permissions', 'password']);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={tr('新建用户', 'New user')} onCancel={onClose} destroyOnHidden maskClosable={false}
      footer={[
        <Button key="c" onClick={onClose}>{tr('取消', 'Cancel')}</Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()}>{tr('创建', 'Create')}</Button>,
      ]}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} data-testid="user-form-error" />}
      <Form<CreateValues> form={form} layout="vertical" onFinish={submit} initialValues={{ role: 'org_admin', permissions: [] }}>
        <Form.Item name="username" label={tr('用户名', 'Username')} rules={[
          { required: true, whitespace: true, message: tr('请填写用户名', 'Enter a username') },
          { pattern: /^[a-zA-Z0-9_.@-]{3,40}$/, message: tr('用户名应为3至40位字母、数字或 _ . @ -', 'Username: 3–40 letters, digits or _ . @ -') },
        ]}>
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item name="displayName" label={tr('姓名', 'Display name')} rules={[{ max: 50 }]}>
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item name="role" label={tr('角色', 'Role')} rules={[{ required: true, message: tr('请选择角色', 'Choose a role') }]}>
          <Select aria-label={tr('角色', 'Role')} options={ROLES.map((r) => ({ value: r, label: en ? ROLE_NAMES[r].en : ROLE_NAMES[r].zh }))} />
        </Form.Item>
        {role && role !== 'district_admin' && role !== 'member' && (
          <Form.Item name="orgId" label={tr('所属组织', 'Organisation')}
            extra={ORG_ROLES.includes(role) ? tr('该用户只能查看和管理此组织及其下级', 'The user works within this organisation and those below it') : tr('选填：限定审计范围', 'Optional')}
            rules={[{ required: ORG_ROLES.includes(role), message: tr('该角色须指定所属组织', 'This role needs an organisation') }]}>
            <OrgTreeSelect ariaLabel={tr('所属组织', 'Organisation')} />
          </Form.Item>
        )}
        {role === 'member' && (
          <Form.Item name="personId" label={tr('关联会员', 'Member record')} rules={[{ required: true, message: tr('会员账号须关联会员本人', 'A member account needs a person record') }]}>
            <PersonSelect />
          </Form.Item>
        )}
        {role && role !== 'member' && role !== 'district_admin' && (
          <Form.Item name="permissions" label={tr('附加权限', 'Extra permissions')}>
            <Checkbox.Group options={GRANTS.map((g) => ({ value: g.value, label: en ? g.en : g.zh }))} />
          </Form.Item>
        )}
        <Form.Item name="password" label={tr('初始密码', 'Initial password')} extra={tr('留空则由系统生成，创建后显示一次。用户首次登录须修改密码。', 'Leave empty to have one generated and shown once. The user must change it at first sign-in.')}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EditValues {
  displayName?: string;
  permissions?: string[];
  enabled: boolean;
}

function EditUserDialog({ user, onClose, onSaved }: { user: UserRow; onClose: () => void; onSaved: () => void }) {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const { user: me } = useAuth();
  const [form] = Form.useForm<EditValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [unlock, setUnlock] = useState(false);
  const fieldErrors = useFieldErrors();
  const locked = isLocked(user);
  const grantable = user.role !== 'district_admin' && user.role !== 'member';

  const submit = async (v: EditValues) => {
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/users/${user.id}`, {
        displayName: v.displayName?.trim() || null,
        ...(grantable ? { permissions: v.permissions ?? [] } : {}),
        disabled: !v.enabled,
        ...(unlock ? { unlock: true } : {}),
      });
      message.success(tr(`已保存用户 ${user.username}`, `Saved ${user.username}`));
      onSaved();
    } catch (err) {
      fieldErrors(form as never, err, ['displayName', 'permissions']);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={tr(`编辑用户：${user.username}`, `Edit user: ${user.username}`)} onCancel={onClose} destroyOnHidden maskClosable={false}
      footer={[
        <Button key="c" onClick={onClose}>{tr('取消', 'Cancel')}</Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()}>{tr('保存', 'Save')}</Button>,
      ]}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        {en ? ROLE_NAMES[user.role].en : ROLE_NAMES[user.role].zh}{user.orgName ? ` · ${user.orgName}` : ''}
      </Typography.Paragraph>
      <Form<EditValues> form={form} layout="vertical" onFinish={submit}
        initialValues={{ displayName: user.displayName ?? '', permissions: user.permissions, enabled: !user.disabled }}>
        <Form.Item name="displayName" label={tr('姓名', 'Display name')} rules={[{ max: 50 }]}>
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        {grantable && (
          <Form.Item name="permissions" label={tr('附加权限', 'Extra permissions')}>
            <Checkbox.Group options={GRANTS.map((g) => ({ value: g.value, label: en ? g.en : g.zh }))} />
          </Form.Item>
        )}
        <Form.Item name="enabled" label={tr('账号状态', 'Account')} valuePropName="checked"
          extra={tr('停用后该用户立即退出登录，不能再登录。', 'A disabled user is signed out at once and cannot sign in.')}>
          <Switch checkedChildren={tr('启用', 'Enabled')} unCheckedChildren={tr('停用', 'Disabled')} disabled={me?.id === user.id} aria-label={tr('启用账号', 'Account enabled')} />
        </Form.Item>
        {locked && (
          <Alert type="warning" showIcon
            title={tr(`账号因多次密码错误已锁定至 ${user.lockedUntil!.slice(0, 16).replace('T', ' ')}`, `Locked after failed sign-ins until ${user.lockedUntil!.slice(0, 16).replace('T', ' ')}`)}
            action={<Checkbox checked={unlock} onChange={(e) => setUnlock(e.target.checked)} data-testid="unlock">{tr('保存时解锁', 'Unlock on save')}</Checkbox>} />
        )}
      </Form>
    </Modal>
  );
}

/** 用户与角色: district administrators create accounts, grant extra permissions, disable, unlock and reset passwords. */
export default function UsersPage() {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const { user: me } = useAuth();
  const narrow = useMediaNarrow();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = 20;
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const { data, error, loading, reload } = useAsync((signal) => api.get<Page<UserRow>>('/users', { q: q || undefined, page, pageSize }, signal), [q, page]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);

  const go = (patch: { q?: string; page?: number }) => {
    const next = new URLSearchParams(params);
    if ('q' in patch) {
      if (patch.q) next.set('q', patch.q);
      else next.delete('q');
      next.delete('page');
    }
    if ('page' in patch) {
      if (patch.page && patch.page > 1) next.set('page', String(patch.page));
      else next.delete('page');
    }
    setParams(next);
  };

  const reset = async (u: UserRow) => {
    try {
      const r = await api.post<{ password?: string }>(`/users/${u.id}/reset-password`);
      if (r.password) setShown({ username: u.username, password: r.password });
      else message.success(tr('已重置密码', 'Password reset'));
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const status = (u: UserRow) => (
    <Space size={4} wrap>
      {u.disabled ? <Tag color="default">{tr('已停用', 'Disabled')}</Tag> : isLocked(u) ? <Tag color="red">{tr('已锁定', 'Locked')}</Tag> : <Tag color="green">{tr('正常', 'Active')}</Tag>}
      {u.mustChangePassword && !u.disabled && <Tag color="orange">{tr('待改密', 'Must change password')}</Tag>}
    </Space>
  );

  const columns: ColumnsType<UserRow> = [
    {
      title: tr('用户', 'User'), dataIndex: 'username',
      render: (_v, u) => (
        <div>
          <strong>{u.username}</strong>{u.displayName ? <Typography.Text type="secondary"> · {u.displayName}</Typography.Text> : null}
          {narrow && <div style={{ marginTop: 4 }}>{status(u)}</div>}
        </div>
      ),
    },
    { title: tr('角色', 'Role'), dataIndex: 'role', width: 150, render: (r: Role) => (en ? ROLE_NAMES[r]?.en : ROLE_NAMES[r]?.zh) ?? r },
    { title: tr('所属组织', 'Organisation'), dataIndex: 'orgName', ellipsis: true, responsive: ['md'], render: (v: string | null, u) => v ?? (u.role === 'district_admin' || u.role === 'auditor' ? tr('全区', 'Whole district') : '—') },
    {
      title: tr('附加权限', 'Extra permissions'), dataIndex: 'permissions', responsive: ['lg'],
      render: (ps: string[]) => ps.length ? <Space size={4} wrap>{ps.map((p) => <Tag key={p}>{p === 'member.unmask' ? tr('查看完整号码', 'Unmask') : p === 'member.export' ? tr('导出', 'Export') : p}</Tag>)}</Space> : '—',
    },
    { title: tr('状态', 'Status'), key: 'status', width: 150, responsive: ['md'], render: (_v, u) => status(u) },
    { title: tr('最近登录', 'Last sign-in'), dataIndex: 'lastLoginAt', width: 150, responsive: ['xl'], render: (v: string | null) => (v ? new Date(v).toLocaleString(en ? 'en-GB' : 'zh-CN', { hour12: false }).slice(0, 17) : '—') },
    {
      title: tr('操作', 'Actions'), key: 'actions', width: narrow ? 96 : 190,
      render: (_v, u) => (
        <Flex gap={4} wrap>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} aria-label={tr(`编辑 ${u.username}`, `Edit ${u.username}`)}>{!narrow && tr('编辑', 'Edit')}</Button>
          <Popconfirm
            title={tr(`重置 ${u.username} 的密码？`, `Reset the password of ${u.username}?`)}
            description={tr('将生成新密码并使其退出登录，用户登录后须修改密码。', 'A new password is generated; the user is signed out and must change it.')}
            okText={tr('重置', 'Reset')} cancelText={tr('取消', 'Cancel')} onConfirm={() => reset(u)} disabled={u.id === me?.id}>
            <Button size="small" icon={<KeyOutlined />} disabled={u.id === me?.id} aria-label={tr(`重置 ${u.username} 的密码`, `Reset password of ${u.username}`)}>{!narrow && tr('重置密码', 'Reset password')}</Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <Card
      title={tr('用户与角色', 'Users & roles')}
      extra={<Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>{narrow ? tr('新建', 'New') : tr('新建用户', 'New user')}</Button>}
      styles={{ body: { padding: narrow ? 12 : 24 } }}
    >
      <form role="search" onSubmit={(e) => { e.preventDefault(); go({ q: draft.trim() }); }} style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={tr('搜索用户：用户名或姓名', 'Search users: username or name')}
          placeholder={tr('用户名 / 姓名', 'Username / name')}
          allowClear value={draft}
          onChange={(e) => { setDraft(e.target.value); if (!e.target.value && q) go({ q: '' }); }}
          onSearch={(v) => go({ q: v.trim() })}
          enterButton={tr('搜索', 'Search')}
          style={{ maxWidth: narrow ? undefined : 380 }}
        />
      </form>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<UserRow>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          locale={{ emptyText: loading ? ' ' : <EmptyState description={q ? tr('没有找到符合条件的用户', 'No user matches') : tr('还没有用户', 'No users yet')} /> }}
          onRow={() => ({ 'data-testid': 'user-row' }) as never}
          pagination={{
            current: page, pageSize, total: data?.total ?? 0, simple: narrow, showSizeChanger: false,
            showTotal: narrow ? undefined : (t) => tr(`共 ${t} 个用户`, `${t} users`),
            onChange: (p) => go({ page: p }),
          }}
        />
      )}
      {creating && (
        <CreateUserDialog
          onClose={() => setCreating(false)}
          onCreated={(u, password) => {
            setCreating(false);
            message.success(tr(`已创建用户 ${u.username}`, `Created ${u.username}`));
            if (password) setShown({ username: u.username, password });
            reload();
          }}
        />
      )}
      {editing && <EditUserDialog user={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />}
      {shown && <PasswordModal username={shown.username} password={shown.password} onClose={() => setShown(null)} />}
    </Card>
  );
}
