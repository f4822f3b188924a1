import DataLoader from 'dataloader';
import { GraphQLContext } from '../../graphql/graphql-context';
import { groupedLoader } from '../../graphql/grouped-loader';
import { Tenancy } from '../tenancies/tenancy.models';
import {
  Bill,
  Contract,
  ContractBalance,
  ContractVersion,
  DepositEvent,
  IncentivePolicy,
  Payment,
} from './contract.models';
import { ContractsService } from './contracts.service';
import { ParkRent } from './figures.models';
import { RentFiguresService } from './rent-figures.service';

export function createContractLoaders(contracts: ContractsService, figures: RentFiguresService) {
  return {
    /** The contract covering a tenancy; the group is the date its terms are read for. */
    ofTenancy: groupedLoader<Contract | null>((ids, asOf) => contracts.byTenancyIds(ids, asOf)),
    /** The contract an ended tenancy leaves running (endTenancy proposes terminating it). */
    toTerminate: new DataLoader<string, Contract | null>((ids) => contracts.toTerminateByTenancyIds(ids)),
    ofEnterprise: groupedLoader<Contract[]>((ids, asOf) => contracts.byEnterpriseIds(ids, asOf)),
    versions: new DataLoader<string, ContractVersion[]>((ids) => contracts.versionsOf(ids)),
    tenancies: new DataLoader<string, Tenancy[]>((ids) => contracts.tenanciesOf(ids)),
    incentives: new DataLoader<string, IncentivePolicy[]>((ids) => contracts.incentivesOf(ids)),
    bills: new DataLoader<string, Bill[]>((ids) => contracts.billsOf(ids)),
    payments: new DataLoader<string, Payment[]>((ids) => contracts.paymentsOf(ids)),
    depositEvents: new DataLoader<string, DepositEvent[]>((ids) => contracts.depositEventsOf(ids)),
    /** What a contract owes; the group is the date. */
    balance: groupedLoader<ContractBalance>((ids, asOf) => contracts.balances(ids, asOf)),
    /** ParkOverview.rent; the key is rentKey(scope). */
    parkRent: new DataLoader<string, ParkRent>((keys) => figures.parkRent(keys)),
  };
}

export type ContractLoaders = ReturnType<typeof createContractLoaders>;

export const contractLoaders = (ctx: GraphQLContext): ContractLoaders =>
  ctx.loaders.contracts as ContractLoaders;
