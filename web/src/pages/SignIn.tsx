import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Layout, Typography } from 'antd';
import { apiErrors, request, setToken } from '../api/client';
import type { Session } from '../auth/session';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const SIGN_IN = graphql(`
  mutation ConsoleSignIn($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      accessToken
      expiresAt
      user {
        username
        displayName
        roles
      }
    }
  }
`);

/** Sign-in with the `login` mutation; the token stays in this tab (sessionStorage), never in a cookie. */
export function SignIn({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const { login } = await request(SIGN_IN, values);
      setToken(login.accessToken);
      onSignIn({
        token: login.accessToken,
        expiresAt: login.expiresAt,
        username: login.user.username,
        name: login.user.displayName ?? login.user.username,
        roles: login.user.roles,
      });
    } catch (e) {
      const [first] = apiErrors(e);
      setError(first?.extensions?.code === 'UNAUTHENTICATED' ? t('signInFailed') : first?.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <main>
        <Card style={{ width: 360 }}>
          <Typography.Title level={1} style={{ fontSize: 20 }}>
            {t('appName')}
          </Typography.Title>
          <Form
            layout="vertical"
            onFinish={(values: { username: string; password: string }) => void submit(values)}
          >
            <Form.Item label={t('username')} name="username" rules={[{ required: true }]}>
              <Input autoComplete="username" />
            </Form.Item>
            <Form.Item label={t('password')} name="password" rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} role="alert" />}
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('signIn')}
            </Button>
          </Form>
          <Button type="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('language')}
          </Button>
        </Card>
      </main>
    </Layout>
  );
}
