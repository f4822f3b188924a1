import DataLoader from 'dataloader';
import { GraphQLContext } from '../../graphql/graphql-context';
import { groupedLoader } from '../../graphql/grouped-loader';
import { Agreement, AgreementParty, Obligation, PartnerFigures } from './agreement.models';
import { AgreementsService } from './agreements.service';
import { Institution, InstitutionContact } from './institution.model';
import { InstitutionsService } from './institutions.service';
import { PartnerFiguresService } from './partner-figures.service';

export function createPartnerLoaders(
  institutions: InstitutionsService,
  agreements: AgreementsService,
  figures: PartnerFiguresService,
) {
  return {
    institution: new DataLoader<string, Institution | null>((ids) => institutions.byIds(ids)),
    contacts: new DataLoader<string, InstitutionContact[]>((ids) => institutions.contactsOf(ids)),
    /** The group is the date statuses describe. */
    agreement: groupedLoader<Agreement | null>((ids, asOf) => agreements.byIds(ids, asOf)),
    renewal: groupedLoader<Agreement | null>((ids, asOf) => agreements.renewalsOf(ids, asOf)),
    obligations: groupedLoader<Obligation[]>((ids, asOf) => agreements.obligationsOf(ids, asOf)),
    parties: new DataLoader<string, AgreementParty[]>((ids) => agreements.partiesOf(ids)),
    /** ParkOverview.partners; the key is partnerFigureKey(park, date). */
    figures: new DataLoader<string, PartnerFigures>((keys) => figures.figures(keys)),
  };
}

export type PartnerLoaders = ReturnType<typeof createPartnerLoaders>;

export const partnerLoaders = (ctx: GraphQLContext): PartnerLoaders => ctx.loaders.partners as PartnerLoaders;
