import type { ReactNode } from 'react';
import { Alert, Card, Table, type TableColumnsType } from 'antd';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ExportButtons } from './ExportButton';

/** A list as a table in a card, with its export buttons (the same query and variables) and its error if any. */
export function ListCard<R extends object, V>(props: {
  title: ReactNode;
  rows: R[] | undefined;
  columns: TableColumnsType<R>;
  rowKey: keyof R & string;
  loading: boolean;
  error?: unknown;
  exportAs?: { document: TypedDocumentNode<unknown, V>; variables: V; name: string };
  extra?: ReactNode;
}) {
  return (
    <Card
      title={props.title}
      extra={
        <>
          {props.extra}
          {props.exportAs && <ExportButtons {...props.exportAs} />}
        </>
      }
    >
      {Boolean(props.error) && <Alert type="error" title={String(props.error)} />}
      <Table<R>
        size="small"
        rowKey={props.rowKey}
        loading={props.loading}
        dataSource={props.rows}
        columns={props.columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
    </Card>
  );
}
