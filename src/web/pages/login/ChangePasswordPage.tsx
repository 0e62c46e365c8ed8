import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { checkPassword, PASSWORD_MIN_LENGTH } from '../../../shared/password';
import { ApiError, api, errorMessage } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { Loading } from '../../components/states';
import { AuthShell } from './AuthShell';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The rule list shown live under the new password (the same rules as the server's checkPassword). */
function Rules({ password, username }: { password: string; username: string }) {
  const { tr } = useLocale();
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  const rules = [
    { ok: password.length >= PASSWORD_MIN_LENGTH && password.length <= 128, text: tr(`长度 ${PASSWORD_MIN_LENGTH}–128 位`, `${PASSWORD_MIN_LENGTH}–128 characters`) },
    { ok: classes >= 3, text: tr('包含大写字母、小写字母、数字、符号中的至少三类', 'At least three of: upper case, lower case, digits, symbols') },
    { ok: !(username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())), text: tr('不包含用户名', 'Does not contain the username') },
  ];
  return (
    <ul aria-label={tr('密码规则', 'Password rules')} data-testid="password-rules" style={{ listStyle: 'none', padding: 0, margin: '-8px 0 16px', fontSize: 13 }}>
      {rules.map((r) => (
        <li key={r.text} data-ok={r.ok && password ? 'yes' : 'no'} style={{ color: password ? (r.ok ? '#389e0d' : '#cf1322') : '#888', display: 'flex', gap: 6, alignItems: 'center' }}>
          {r.ok && password ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />}
          <span>{r.text}</span>
        </li>
      ))}
    </ul>
  );
}

export default function ChangePasswordPage() {
  const { tr, en } = useLocale();
  const { session, refresh, logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session === undefined) return <Loading />;
  if (!session) return <Navigate to="/login" replace />;
  const username = session.user.username;
  const forced = session.mustChangePassword;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      await refresh();
      message.success(tr('密码已修改', 'Password changed'));
      navigate('/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.details.some((d) => d.field)) {
        form.setFields(err.details.filter((d) => d.field).map((d) => ({ name: d.field as keyof Values, errors: [en && d.messageEn ? d.messageEn : d.message] })));
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell title={forced ? tr('请先修改密码', 'Change your password') : tr('修改密码', 'Change password')}>
      {forced && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }}
          title={tr('这是初始密码或密码已过期，修改后才能继续使用。', 'This is an initial or expired password. Change it to continue.')} />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <Form.Item label={tr('当前密码', 'Current password')} name="currentPassword" rules={[{ required: true, message: tr('请输入当前密码', 'Enter the current password') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={tr('新密码', 'New password')}
          name="newPassword"
          rules={[
            { required: true, message: tr('请输入新密码', 'Enter a new password') },
            {
              validator: async (_r, value: string) => {
                const p = value ? checkPassword(value, username) : null;
                if (p) throw new Error(en ? p.messageEn : p.message);
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Rules password={newPassword} username={username} />
        <Form.Item
          label={tr('确认新密码', 'Confirm new password')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: tr('请再次输入新密码', 'Repeat the new password') },
            ({ getFieldValue }) => ({
              validator: async (_r, value: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(tr('两次输入的新密码不一致', 'The passwords differ'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={busy}>{tr('修改密码', 'Change password')}</Button>
          {forced ? (
            <Button block onClick={() => logout().then(() => navigate('/login', { replace: true }))}>{tr('退出登录', 'Sign out')}</Button>
          ) : (
            <Button block onClick={() => navigate(-1)}>{tr('返回', 'Back')}</Button>
          )}
        </Space>
      </Form>
    </AuthShell>
  );
}
