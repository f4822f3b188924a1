import { request } from '../api/client';
import { graphql } from '../gql';

const BAYS = graphql(`
  query ConsoleBays($parkCode: String!, $zoneCode: String, $asOf: Date, $after: String) {
    units(filter: { parkCode: $parkCode, zoneCode: $zoneCode }, asOf: $asOf, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          building
          floor
          floorArea
          leasable
          status(asOf: $asOf)
          currentTenancy(asOf: $asOf) {
            id
            stage(asOf: $asOf)
            enterprise {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export interface Bay {
  id: string;
  code: string;
  building?: string | null;
  floor?: number | null;
  floorArea: number;
  leasable: boolean;
  status: string;
  enterpriseId?: string | null;
  enterpriseName?: string | null;
  tenancyId?: string | null;
}

/** Every bay of a zone with its status on a date (all pages of the connection). */
export async function fetchBays(parkCode: string, zoneCode: string, asOf: string): Promise<Bay[]> {
  const bays: Bay[] = [];
  let after: string | null | undefined;
  do {
    const { units } = await request(BAYS, { parkCode, zoneCode, asOf, after });
    for (const { node } of units.edges) {
      bays.push({
        id: node.id,
        code: node.code,
        building: node.building,
        floor: node.floor,
        floorArea: node.floorArea,
        leasable: node.leasable,
        status: node.status,
        enterpriseId: node.currentTenancy?.enterprise.id,
        enterpriseName: node.currentTenancy?.enterprise.name,
        tenancyId: node.currentTenancy?.id,
      });
    }
    after = units.pageInfo.hasNextPage ? units.pageInfo.endCursor : undefined;
  } while (after);
  return bays;
}
