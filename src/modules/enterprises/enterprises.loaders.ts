import DataLoader from 'dataloader';
import { GraphQLContext } from '../../graphql/graphql-context';
import { Enterprise } from './enterprise.model';
import { EnterprisesService } from './enterprises.service';

export function createEnterpriseLoaders(enterprises: EnterprisesService) {
  return { enterprise: new DataLoader<string, Enterprise | null>((ids) => enterprises.byIds(ids)) };
}

export type EnterpriseLoaders = ReturnType<typeof createEnterpriseLoaders>;

export const enterpriseLoaders = (ctx: GraphQLContext): EnterpriseLoaders =>
  ctx.loaders.enterprises as EnterpriseLoaders;
