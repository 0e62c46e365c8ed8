import { Link } from 'react-router';
import { Button, Result } from 'antd';
import { useLocale } from '../../i18n';

export default function NotFoundPage() {
  const { tr } = useLocale();
  return <Result status="404" title={tr('页面不存在', 'Page not found')} subTitle={tr('您访问的页面不存在或已移动。', 'This page does not exist or has moved.')} extra={<Link to="/"><Button type="primary">{tr('返回首页', 'Home')}</Button></Link>} />;
}
