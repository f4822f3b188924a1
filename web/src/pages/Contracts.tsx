import { Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { request } from '../api/client';
import type { Session } from '../auth/session';
import { today } from '../components/DateInput';
import { ListCard } from '../components/ListCard';
import { useParks } from '../components/parks';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const AGING = graphql(`
  query ConsoleReceivablesAging($parkCode: String!, $asOf: Date) {
    receivablesAging(parkCode: $parkCode, asOf: $asOf) {
      rows {
        enterpriseId
        enterpriseName
        buckets {
          days0to30
          days31to60
          days61to90
          over90
          total
        }
      }
      totals {
        total
      }
    }
  }
`);

/** Contracts: receivables aging (应收账龄) by enterprise. */
export default function Contracts(_props: { session: Session }) {
  const { t } = useI18n();
  const park = useParks().data?.parks[0];
  const variables = { parkCode: park?.code ?? '', asOf: today() };
  const aging = useQuery({
    queryKey: ['aging', variables],
    queryFn: () => request(AGING, variables),
    enabled: Boolean(park),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('contracts')}</Typography.Title>
      <ListCard
        title={`${t('receivablesAging')} · ${t('total')} ${aging.data?.receivablesAging.totals.total ?? '…'}`}
        rows={aging.data?.receivablesAging.rows}
        rowKey="enterpriseId"
        loading={aging.isLoading}
        error={aging.error}
        exportAs={{ document: AGING, variables, name: 'receivables-aging' }}
        columns={[
          { title: t('enterprise'), dataIndex: 'enterpriseName' },
          { title: t('days0to30'), render: (_, r) => r.buckets.days0to30 },
          { title: t('days31to60'), render: (_, r) => r.buckets.days31to60 },
          { title: t('days61to90'), render: (_, r) => r.buckets.days61to90 },
          { title: t('over90'), render: (_, r) => r.buckets.over90 },
          { title: t('total'), render: (_, r) => r.buckets.total },
        ]}
      />
    </Space>
  );
}
