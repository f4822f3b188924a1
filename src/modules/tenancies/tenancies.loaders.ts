import DataLoader from 'dataloader';
import { GraphQLContext } from '../../graphql/graphql-context';
import { groupedLoader } from '../../graphql/grouped-loader';
import { Tenancy, TenancyStageEvent } from './tenancy.models';
import { TenanciesService } from './tenancies.service';

export function createTenancyLoaders(tenancies: TenanciesService) {
  return {
    /** The tenancy holding a unit on a date; the group is the date. */
    holdingUnitOn: groupedLoader<Tenancy | null>((unitIds, date) => tenancies.holdingUnitsOn(unitIds, date)),
    ofUnit: new DataLoader<string, Tenancy[]>((ids) => tenancies.byUnitIds(ids)),
    ofEnterprise: new DataLoader<string, Tenancy[]>((ids) => tenancies.byEnterpriseIds(ids)),
    history: new DataLoader<string, TenancyStageEvent[]>((ids) => tenancies.historyOf(ids)),
  };
}

export type TenancyLoaders = ReturnType<typeof createTenancyLoaders>;

export const tenancyLoaders = (ctx: GraphQLContext): TenancyLoaders =>
  ctx.loaders.tenancies as TenancyLoaders;
