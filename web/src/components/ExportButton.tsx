import { useState } from 'react';
import { App, Button, Space } from 'antd';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { authorization } from '../api/client';
import { useI18n } from '../i18n/i18n';

/**
 * CSV and XLSX of a list as shown: posts the page's own query and variables to `POST /export`, which runs it through
 * /graphql with the same access rules and pages through the whole list.
 */
export function ExportButtons<V>({
  document,
  variables,
  name,
}: {
  document: TypedDocumentNode<unknown, V>;
  variables: V;
  name: string;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      const response = await fetch(`/export?format=${format}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-language': lang === 'zh' ? 'zh-CN' : 'en',
          ...authorization(),
        },
        body: JSON.stringify({ query: print(document), variables }),
      });
      if (!response.ok)
        throw new Error(((await response.json()) as { errors?: { message: string }[] }).errors?.[0]?.message);
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(window.document.createElement('a'), {
        href: url,
        download: `${name}.${format}`,
      });
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Space>
      <Button loading={busy === 'csv'} onClick={() => void download('csv')}>
        {t('export')} CSV
      </Button>
      <Button loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
        {t('export')} XLSX
      </Button>
    </Space>
  );
}
