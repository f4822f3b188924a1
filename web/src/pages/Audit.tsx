import { useState } from 'react';
import { Input, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { request } from '../api/client';
import type { Session } from '../auth/session';
import { ListCard } from '../components/ListCard';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const AUDIT = graphql(`
  query ConsoleAuditLog($filter: AuditLogFilter, $after: String) {
    auditLog(first: 100, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          occurredAt
          actorName
          operation
          entityType
          entityId
          reason
        }
      }
    }
  }
`);

/** The audit log (ADMIN only), filtered by who and what. */
export default function Audit(_props: { session: Session }) {
  const { t } = useI18n();
  const [actor, setActor] = useState<string>();
  const [entityType, setEntityType] = useState<string>();
  const variables = { filter: { actor, entityType } };
  const log = useQuery({ queryKey: ['audit', variables], queryFn: () => request(AUDIT, variables) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('audit')}</Typography.Title>
      <Space>
        <Input.Search
          aria-label={t('actor')}
          placeholder={t('actor')}
          allowClear
          onSearch={(v) => setActor(v || undefined)}
        />
        <Input.Search
          aria-label={t('entity')}
          placeholder={t('entity')}
          allowClear
          onSearch={(v) => setEntityType(v || undefined)}
        />
      </Space>
      <ListCard
        title={`${t('audit')} (${log.data?.auditLog.totalCount ?? '…'})`}
        rows={log.data?.auditLog.edges.map((e) => e.node)}
        rowKey="id"
        loading={log.isLoading}
        error={log.error}
        exportAs={{ document: AUDIT, variables, name: 'audit-log' }}
        columns={[
          {
            title: t('at'),
            dataIndex: 'occurredAt',
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
          },
          { title: t('actor'), dataIndex: 'actorName' },
          { title: t('action'), dataIndex: 'operation' },
          { title: t('entity'), render: (_, r) => `${r.entityType} ${r.entityId}` },
          { title: t('reason'), dataIndex: 'reason' },
        ]}
      />
    </Space>
  );
}
