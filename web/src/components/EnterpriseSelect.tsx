import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { request } from '../api/client';
import { graphql } from '../gql';

const FIND = graphql(`
  query ConsoleFindEnterprises($name: String, $parkCode: String) {
    enterprises(first: 20, filter: { nameContains: $name, parkCode: $parkCode }) {
      edges {
        node {
          id
          name
          creditCode
        }
      }
    }
  }
`);

/** Finds an enterprise by name as the user types; its value is the enterprise id. */
export function EnterpriseSelect(props: {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  parkCode?: string;
  label: string;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const [name, setName] = useState('');
  const found = useQuery({
    queryKey: ['find-enterprises', name, props.parkCode],
    queryFn: () => request(FIND, { name: name || undefined, parkCode: props.parkCode }),
  });
  return (
    <Select
      id={props.id}
      aria-label={props.label}
      showSearch={{ filterOption: false, onSearch: setName }}
      allowClear={props.allowClear}
      placeholder={props.placeholder}
      style={{ minWidth: 240 }}
      value={props.value}
      onChange={(value?: string) => props.onChange?.(value)}
      loading={found.isFetching}
      options={found.data?.enterprises.edges.map(({ node }) => ({ value: node.id, label: node.name }))}
    />
  );
}
