import { NodeRegistry, parkScoped, rowsSource } from '../../graphql/node/node-registry';
import { today } from '../../graphql/scalars/date.scalar';
import { ObligationRow, toObligation } from './agreement.mappers';
import { AgreementsService } from './agreements.service';
import { partnerLoaders } from './partners.loaders';

/** Institution, Agreement and Obligation for `node(id:)` (status and progress as of today), scoped by park. */
export function registerPartnerNodes(nodes: NodeRegistry, agreements: AgreementsService): void {
  nodes.register(
    'Institution',
    parkScoped(
      (id, ctx) => partnerLoaders(ctx).institution.load(id),
      (i) => i.parkId,
    ),
  );
  nodes.register(
    'Agreement',
    parkScoped(
      (id, ctx) => partnerLoaders(ctx).agreement.load({ group: today(), id }),
      (a) => a.parkId,
    ),
  );
  nodes.register(
    'Obligation',
    rowsSource<ObligationRow>(
      'Obligation',
      (ids, actor) => agreements.obligationsByIds(ids, actor.principal.parkIds, today()),
      (row) => toObligation(row, today()),
    ),
  );
}
