import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { Loading } from '../../components/states';
import { AuthShell } from './AuthShell';

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { tr } = useLocale();
  const { session, login, expired } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ username: string; password: string }>();
  const next = safeNext(params.get('next'));

  if (session === undefined) return <Loading />;
  if (session && !busy) return <Navigate to={session.mustChangePassword ? '/change-password' : next} replace />;

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const s = await login(v.username.trim(), v.password);
      navigate(s.mustChangePassword ? '/change-password' : next, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      form.setFieldValue('password', '');
      setBusy(false);
    }
  };

  return (
    <AuthShell title={tr('登录', 'Sign in')}>
      {expired && !error && <Alert type="info" showIcon title={tr('登录已超时或已在别处退出，请重新登录。', 'Your session ended. Please sign in again.')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
        <Form.Item label={tr('用户名', 'Username')} name="username" rules={[{ required: true, whitespace: true, message: tr('请输入用户名', 'Enter your username') }]}>
          <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item label={tr('密码', 'Password')} name="password" rules={[{ required: true, message: tr('请输入密码', 'Enter your password') }]}>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {tr('登录', 'Sign in')}
        </Button>
      </Form>
    </AuthShell>
  );
}
