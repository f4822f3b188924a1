import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { request } from '../api/client';
import type { Session } from '../auth/session';
import { today } from '../components/DateInput';
import { ListCard } from '../components/ListCard';
import { useParks } from '../components/parks';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const MACHINES = graphql(`
  query ConsoleMachines($parkCode: String!, $asOf: Date!) {
    parkOverview(parkCode: $parkCode, asOf: $asOf) {
      machinesByStatus {
        status
        count
      }
    }
  }
`);

const MAINTENANCE_DUE = graphql(`
  query ConsoleMaintenanceDue($parkCode: String!, $asOf: Date!) {
    maintenanceDue(parkCode: $parkCode, asOf: $asOf, withinDays: 30) {
      dueBy
      dueOn
      daysOverdue
      overdue
      machine {
        id
        serialNumber
        manufacturer
        model
        owner {
          name
        }
      }
    }
  }
`);

/** Machines: how many in each status (the status board) and the maintenance due within 30 days. */
export default function Machines(_props: { session: Session }) {
  const { t, te } = useI18n();
  const park = useParks().data?.parks[0];
  const variables = { parkCode: park?.code ?? '', asOf: today() };
  const data = useQuery({
    queryKey: ['machines', variables],
    queryFn: () => request(MACHINES, variables),
    enabled: Boolean(park),
  });
  const due = useQuery({
    queryKey: ['maintenance-due', variables],
    queryFn: () => request(MAINTENANCE_DUE, variables),
    enabled: Boolean(park),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('machines')}</Typography.Title>
      <Card title={t('statusBoard')}>
        <Row gutter={16}>
          {data.data?.parkOverview.machinesByStatus.map((s) => (
            <Col key={s.status ?? 'none'} xs={12} md={4}>
              <Statistic title={te('MachineStatus', s.status)} value={s.count} />
            </Col>
          ))}
        </Row>
      </Card>
      <ListCard
        title={t('maintenanceDue')}
        rows={due.data?.maintenanceDue.map((d) => ({
          ...d,
          key: `${d.machine.id}-${d.dueBy}-${d.dueOn ?? ''}`,
        }))}
        rowKey="key"
        loading={due.isLoading}
        error={due.error}
        exportAs={{ document: MAINTENANCE_DUE, variables, name: 'maintenance-due' }}
        columns={[
          { title: t('serialNumber'), render: (_, d) => d.machine.serialNumber },
          { title: t('enterprise'), render: (_, d) => d.machine.owner.name },
          { title: t('model'), render: (_, d) => `${d.machine.manufacturer} ${d.machine.model}` },
          { title: t('dueBy'), render: (_, d) => te('MaintenanceDueBy', d.dueBy) },
          { title: t('dueOn'), dataIndex: 'dueOn' },
          { title: t('daysOverdue'), dataIndex: 'daysOverdue' },
        ]}
      />
    </Space>
  );
}
