import { useState } from 'react';
import { Input, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { request } from '../api/client';
import type { Session } from '../auth/session';
import { ListCard } from '../components/ListCard';
import { useParks } from '../components/parks';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const ENTERPRISES = graphql(`
  query ConsoleEnterprises($parkCode: String, $name: String, $after: String) {
    enterprises(first: 100, after: $after, filter: { parkCode: $parkCode, nameContains: $name }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          creditCode
          industry
          originProvince
          leading
        }
      }
    }
  }
`);

/** The park's enterprises, found by name. */
export default function Enterprises(_props: { session: Session }) {
  const { t, te } = useI18n();
  const park = useParks().data?.parks[0];
  const [name, setName] = useState<string>();
  const variables = { parkCode: park?.code, name };
  const list = useQuery({
    queryKey: ['enterprises', variables],
    queryFn: () => request(ENTERPRISES, variables),
    enabled: Boolean(park),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('enterprises')}</Typography.Title>
      <ListCard
        title={`${t('enterprises')} (${list.data?.enterprises.totalCount ?? '…'})`}
        extra={
          <Input.Search
            aria-label={t('search')}
            placeholder={t('search')}
            allowClear
            onSearch={(v) => setName(v || undefined)}
            style={{ width: 200, marginRight: 8 }}
          />
        }
        rows={list.data?.enterprises.edges.map((e) => e.node)}
        rowKey="id"
        loading={list.isLoading}
        error={list.error}
        exportAs={{ document: ENTERPRISES, variables, name: 'enterprises' }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('creditCode'), dataIndex: 'creditCode' },
          { title: t('industry'), render: (_, e) => te('Industry', e.industry) },
          { title: t('originProvince'), render: (_, e) => te('Province', e.originProvince) },
          { title: t('leading'), dataIndex: 'leading', render: (v: boolean) => (v ? '★' : '') },
        ]}
      />
    </Space>
  );
}
