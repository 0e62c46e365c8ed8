import { Link, useNavigate } from 'react-router';
import { Button, Flex } from 'antd';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { LangSwitch } from '../../components/LangSwitch';
import { EmptyState } from '../../components/states';
import { MembershipCard } from './PortalHome';

/** The account: who is signed in, membership, language, password, sign out. */
export default function PortalMe() {
  const { tr } = useLocale();
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  if (!user) return null;
  return (
    <>
      {user.personId ? <MembershipCard personId={user.personId} /> : <EmptyState description={tr('账号未关联会员信息', 'Not linked to a member record')} />}
      <section className="m-card" aria-labelledby="m-account">
        <h2 id="m-account">{tr('账号', 'Account')}</h2>
        <div className="m-row"><span>{tr('用户名', 'Username')}</span><span>{user.username}</span></div>
        <Flex className="m-row" align="center"><span>{tr('语言', 'Language')}</span><LangSwitch size="middle" /></Flex>
        <Flex vertical gap={10} style={{ marginTop: 12 }}>
          <Link to="/change-password"><Button block size="large">{tr('修改密码', 'Change password')}</Button></Link>
          <Button block size="large" danger onClick={async () => { await logout(); navigate('/login', { replace: true }); }}>{tr('退出登录', 'Sign out')}</Button>
        </Flex>
      </section>
    </>
  );
}
