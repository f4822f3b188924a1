import type { ReactNode } from 'react';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { pagesFor } from '../auth/access';
import type { Session } from '../auth/session';
import { useI18n } from '../i18n/i18n';

/** The frame of every page: the menu of what the user's roles can use, the language switch, sign-out. */
export function AppLayout({
  session,
  onSignOut,
  children,
}: {
  session: Session;
  onSignOut: () => void;
  children: ReactNode;
}) {
  const { t, te, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname.split('/')[1] ?? 'dashboard';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <Typography.Title level={1} style={{ fontSize: 16, padding: '16px 16px 8px', margin: 0 }}>
          {t('appName')}
        </Typography.Title>
        <nav aria-label={t('appName')}>
          <Menu
            mode="inline"
            selectedKeys={[current]}
            items={pagesFor(session.roles).map((page) => ({ key: page, label: t(page) }))}
            onClick={({ key }) => void navigate(`/${key}`)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}
        >
          <Space>
            <Typography.Text data-testid="who">
              {session.name} ({session.roles.map((role) => te('Role', role)).join('、')})
            </Typography.Text>
            <Button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('language')}</Button>
            <Button onClick={onSignOut}>{t('signOut')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          <main>{children}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
