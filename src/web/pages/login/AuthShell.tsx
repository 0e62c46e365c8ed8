import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { Panel } from '../../components/Panel';
import { LangSwitch } from '../../components/LangSwitch';
import { useLocale } from '../../i18n';

/** The frame around sign-in and forced password change: centred card, language switch. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const { tr } = useLocale();
  return (
    <div style={{ minHeight: '100%', display: 'flex', flexDirection: 'column', background: 'linear-gradient(160deg, #fff5f5 0%, #f5f6f8 55%)' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 16 }}>
        <LangSwitch />
      </div>
      <main style={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', padding: '4vh 16px 32px' }}>
        <div style={{ width: '100%', maxWidth: 400 }}>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <div aria-hidden style={{ width: 56, height: 56, borderRadius: 12, background: '#c8102e', color: '#fff', fontSize: 30, lineHeight: '56px', margin: '0 auto 12px', fontWeight: 600 }}>工</div>
            <Typography.Title level={3} style={{ margin: 0 }}>{tr('密云区总工会工作平台', 'Miyun District Trade Union Platform')}</Typography.Title>
            <Typography.Text type="secondary">{tr('北京市密云区总工会', 'Beijing Miyun District Federation of Trade Unions')}</Typography.Text>
          </div>
          <Panel title={title}>{children}</Panel>
        </div>
      </main>
    </div>
  );
}
