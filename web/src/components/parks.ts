import { useQuery } from '@tanstack/react-query';
import { request } from '../api/client';
import { graphql } from '../gql';

const PARKS = graphql(`
  query ConsoleParks {
    parks {
      id
      code
      name
      nameEn
      zones {
        id
        code
        name
        nameEn
      }
    }
  }
`);

/** The parks the user may see, with their zones (the first park is the console's park). */
export function useParks() {
  return useQuery({ queryKey: ['parks'], queryFn: () => request(PARKS), staleTime: 300_000 });
}
