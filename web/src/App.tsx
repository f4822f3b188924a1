import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { setToken } from './api/client';
import { can, type Page } from './auth/access';
import { loadSession, saveSession, type Session } from './auth/session';
import { I18nContext, i18nFor } from './i18n/i18n';
import type { Lang } from './i18n/messages';
import { AppLayout } from './layout/AppLayout';
import { SignIn } from './pages/SignIn';

// Each page is its own chunk, loaded when first opened (charts come with the pages that draw them).
const PAGES: Record<Page, React.LazyExoticComponent<React.ComponentType<{ session: Session }>>> = {
  dashboard: lazy(() => import('./pages/Dashboard')),
  bays: lazy(() => import('./pages/BayMap')),
  enterprises: lazy(() => import('./pages/Enterprises')),
  machines: lazy(() => import('./pages/Machines')),
  talent: lazy(() => import('./pages/Talent')),
  partners: lazy(() => import('./pages/Partners')),
  contracts: lazy(() => import('./pages/Contracts')),
  audit: lazy(() => import('./pages/Audit')),
};

/**
 * A stone-red primary colour. Errors, secondary and placeholder text darker than antd's defaults (0.45 and 0.25 alpha fail
 * WCAG AA contrast on white: axe's color-contrast rule), the selected menu item on a fixed light tint, and no motion
 * (an animated background is also what axe measured mid-way).
 */
const THEME = {
  token: {
    colorPrimary: '#8c3b2e',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorError: '#cf1322',
    motion: false,
  },
  components: { Menu: { itemSelectedBg: '#f6ece9' } },
};

/** The nonce of this page's CSP (`style-src 'nonce-…'`), for the <style> tags antd's CSS-in-JS injects. */
const CSP = {
  nonce: document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined,
};

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

function initialSession(): Session | undefined {
  const session = loadSession();
  setToken(session?.token);
  return session;
}

export function App() {
  const [session, setSession] = useState<Session | undefined>(initialSession);
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem('shifosi.console.lang') === 'en' ? 'en' : 'zh',
  );
  const signOut = useCallback(() => {
    saveSession(undefined);
    setToken(undefined);
    queryClient.clear();
    setSession(undefined);
  }, []);
  const signIn = useCallback(
    (next: Session) => {
      saveSession(next);
      setToken(next.token, signOut);
      setSession(next);
    },
    [signOut],
  );
  if (session) setToken(session.token, signOut);
  const i18n = useMemo(
    () =>
      i18nFor(lang, (next: Lang) => {
        localStorage.setItem('shifosi.console.lang', next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        dayjs.locale(next === 'zh' ? 'zh-cn' : 'en');
        setLangState(next);
      }),
    [lang],
  );
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider csp={CSP} locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter basename="/console">
              {session ? (
                <AppLayout session={session} onSignOut={signOut}>
                  <Suspense fallback={<Spin aria-label="loading" />}>
                    <Routes>
                      {Object.entries(PAGES)
                        .filter(([page]) => can(session.roles, page as Page))
                        .map(([page, Component]) => (
                          <Route key={page} path={`/${page}/*`} element={<Component session={session} />} />
                        ))}
                      <Route path="*" element={<Navigate to="/dashboard" replace />} />
                    </Routes>
                  </Suspense>
                </AppLayout>
              ) : (
                <SignIn onSignIn={signIn} />
              )}
            </BrowserRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
