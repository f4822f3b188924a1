import { useMemo } from 'react';
import { Card, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { request } from '../api/client';
import type { Session } from '../auth/session';
import { EChart } from '../charts/EChart';
import { today } from '../components/DateInput';
import { ListCard } from '../components/ListCard';
import { useParks } from '../components/parks';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const EXPIRING = graphql(`
  query ConsoleAgreementsExpiring($parkCode: String!, $asOf: Date) {
    agreementsExpiring(parkCode: $parkCode, asOf: $asOf, withinDays: 180) {
      id
      title
      kind
      status
      endsOn
    }
  }
`);

const FUNNEL = graphql(`
  query ConsoleRecruitmentFunnel($parkCode: String!, $from: Date!, $to: Date!) {
    recruitmentFunnel(parkCode: $parkCode, from: $from, to: $to) {
      total {
        leads
        contacted
        negotiating
        signed
        fittingOut
        operating
      }
    }
  }
`);

/** Partners: agreements expiring within 180 days, and the recruitment (招商) funnel of the last year. */
export default function Partners(_props: { session: Session }) {
  const { t, te } = useI18n();
  const park = useParks().data?.parks[0];
  const parkCode = park?.code ?? '';
  const asOf = today();
  const expiring = useQuery({
    queryKey: ['expiring', parkCode],
    queryFn: () => request(EXPIRING, { parkCode, asOf }),
    enabled: Boolean(park),
  });
  const from = dayjs(asOf).subtract(1, 'year').format('YYYY-MM-DD');
  const funnel = useQuery({
    queryKey: ['funnel', parkCode],
    queryFn: () => request(FUNNEL, { parkCode, from, to: asOf }),
    enabled: Boolean(park),
  });
  const option = useMemo(() => {
    const total = funnel.data?.recruitmentFunnel.total;
    const steps = total
      ? (['leads', 'contacted', 'negotiating', 'signed', 'fittingOut', 'operating'] as const)
      : [];
    return {
      tooltip: { trigger: 'item' },
      series: [{ type: 'funnel', sort: 'none', data: steps.map((s) => ({ name: t(s), value: total![s] })) }],
    };
  }, [funnel.data, t]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('partners')}</Typography.Title>
      <ListCard
        title={t('agreementsExpiring')}
        rows={expiring.data?.agreementsExpiring}
        rowKey="id"
        loading={expiring.isLoading}
        error={expiring.error}
        exportAs={{ document: EXPIRING, variables: { parkCode, asOf }, name: 'agreements-expiring' }}
        columns={[
          { title: t('name'), dataIndex: 'title' },
          { title: t('kind'), render: (_, a) => te('AgreementKind', a.kind) },
          { title: t('status'), render: (_, a) => te('AgreementStatus', a.status) },
          { title: t('endsOn'), dataIndex: 'endsOn' },
        ]}
      />
      <Card title={t('recruitmentFunnel')}>
        <EChart option={option} label={t('recruitmentFunnel')} />
      </Card>
    </Space>
  );
}
