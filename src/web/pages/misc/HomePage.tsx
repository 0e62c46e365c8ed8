import { Card, Result } from 'antd';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { MemberDetailView } from '../members/MemberDetailView';

/** The start page for accounts without organisation access: a member sees their own record. */
export default function HomePage() {
  const { tr } = useLocale();
  const { user } = useAuth();
  if (user?.role === 'member' && user.personId) {
    return (
      <Card title={tr('我的会籍', 'My membership')}>
        <MemberDetailView id={user.personId} />
      </Card>
    );
  }
  return <Result status="info" title={tr(`欢迎，${user?.displayName ?? user?.username ?? ''}`, `Welcome, ${user?.displayName ?? user?.username ?? ''}`)} subTitle={tr('您的账号暂未开通业务功能，如需使用请联系区总工会管理员。', 'No features are enabled for your account yet. Ask the district administrator.')} />;
}
