import DataLoader from 'dataloader';
import { GraphQLContext } from '../../graphql/graphql-context';
import { Institution, InstitutionContact } from './institution.model';
import { InstitutionsService } from './institutions.service';

export function createPartnerLoaders(institutions: InstitutionsService) {
  return {
    institution: new DataLoader<string, Institution | null>((ids) => institutions.byIds(ids)),
    contacts: new DataLoader<string, InstitutionContact[]>((ids) => institutions.contactsOf(ids)),
  };
}

export type PartnerLoaders = ReturnType<typeof createPartnerLoaders>;

export const partnerLoaders = (ctx: GraphQLContext): PartnerLoaders => ctx.loaders.partners as PartnerLoaders;
