import { Segmented } from 'antd';
import { useLocale, type Lang } from '../i18n';

export function LangSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { lang, setLang, tr } = useLocale();
  return (
    <Segmented<Lang>
      size={size}
      aria-label={tr('界面语言', 'Interface language')}
      value={lang}
      onChange={(v) => setLang(v)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en-US' },
      ]}
    />
  );
}
