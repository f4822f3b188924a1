import { useMemo } from 'react';
import { Card, Col, Progress, Row, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { request } from '../api/client';
import type { Session } from '../auth/session';
import { EChart } from '../charts/EChart';
import { today } from '../components/DateInput';
import { ExportButtons } from '../components/ExportButton';
import { useParks } from '../components/parks';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const TRAINEES = graphql(`
  query ConsoleTrainees($parkCode: String!) {
    trainees(first: 100, filter: { parkCode: $parkCode }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          currentStatus {
            status
          }
        }
      }
    }
  }
`);

const TALENT = graphql(`
  query ConsoleTalent($parkCode: String!, $asOf: Date!) {
    cohortFunnel(parkCode: $parkCode, asOf: $asOf) {
      trainees
      withdrawn
      stages {
        status
        reached
        current
      }
    }
    talentTargets(parkCode: $parkCode, asOf: $asOf) {
      id
      name
      metric
      value
      achieved
      expectedByNow
      dueOn
      onTrack
    }
  }
`);

const BOARD = ['APPLIED', 'ENROLLED', 'IN_TRAINING', 'GRADUATED', 'IN_PARK', 'PLACED', 'WITHDRAWN'] as const;

/** Talent: trainees by status as a board, the cohort funnel, targets with their progress. */
export default function Talent(_props: { session: Session }) {
  const { t, te } = useI18n();
  const park = useParks().data?.parks[0];
  const parkCode = park?.code ?? '';
  const trainees = useQuery({
    queryKey: ['trainees', parkCode],
    queryFn: () => request(TRAINEES, { parkCode }),
    enabled: Boolean(park),
  });
  const talent = useQuery({
    queryKey: ['talent', parkCode],
    queryFn: () => request(TALENT, { parkCode, asOf: today() }),
    enabled: Boolean(park),
  });
  const funnel = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          data:
            talent.data?.cohortFunnel.stages.map((s) => ({
              name: te('TraineeStatus', s.status),
              value: s.reached,
            })) ?? [],
        },
      ],
    }),
    [talent.data, te],
  );
  const nodes = trainees.data?.trainees.edges.map((e) => e.node) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('talent')}</Typography.Title>
      <Card
        title={`${t('traineesBoard')} (${trainees.data?.trainees.totalCount ?? '…'})`}
        extra={<ExportButtons document={TRAINEES} variables={{ parkCode }} name="trainees" />}
      >
        <div
          tabIndex={0}
          role="group"
          aria-label={t('traineesBoard')}
          style={{ display: 'flex', gap: 8, overflowX: 'auto' }}
        >
          {BOARD.map((status) => {
            const column = nodes.filter((n) => n.currentStatus?.status === status);
            return (
              <Card
                key={status}
                size="small"
                title={`${te('TraineeStatus', status)} (${column.length})`}
                style={{ minWidth: 160 }}
              >
                {column.slice(0, 12).map((n) => (
                  <div key={n.id}>{n.name}</div>
                ))}
                {column.length > 12 && <div>… +{column.length - 12}</div>}
              </Card>
            );
          })}
        </div>
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card title={t('cohortFunnel')}>
            <EChart option={funnel} label={t('cohortFunnel')} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('targets')}>
            {talent.data?.talentTargets.map((target) => (
              <div key={target.id} style={{ marginBottom: 12 }}>
                <div>
                  {target.name} · {te('TargetMetric', target.metric)} {target.achieved} / {target.value} (
                  {target.dueOn})
                </div>
                <Progress
                  percent={Math.min(100, Math.round((target.achieved / Math.max(1, target.value)) * 100))}
                  status={target.onTrack ? 'normal' : 'exception'}
                  aria-label={target.name}
                />
              </div>
            ))}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
