import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { DateScalar, today } from '../../graphql/scalars/date.scalar';
import { Enterprise } from '../enterprises/enterprise.model';
import { enterpriseLoaders } from '../enterprises/enterprises.loaders';
import { UnitStatus } from '../space/space.enums';
import { spaceLoaders } from '../space/space.loaders';
import { Unit } from '../space/space.models';
import { TenancyStage } from './tenancy.enums';
import { allowedMoves, latestStage } from './tenancy-stages';
import { stageOn } from './tenancy.mappers';
import { Tenancy, TenancyStageEvent } from './tenancy.models';
import { tenancyLoaders } from './tenancies.loaders';

const AS_OF = {
  type: () => DateScalar,
  nullable: true,
  description: 'The date asked about (default: the list’s asOf, else today).',
};

@Resolver(() => Tenancy)
export class TenancyFieldsResolver {
  @ResolveField(() => Unit, { description: 'The unit held.' })
  async unit(@Parent() t: Tenancy, @Context() ctx: GraphQLContext): Promise<Unit> {
    const unit = (await spaceLoaders(ctx).unit.load(t.unitId))!;
    return { ...unit, asOf: t.asOf };
  }

  @ResolveField(() => Enterprise, { description: 'The enterprise holding the unit.' })
  async enterprise(@Parent() t: Tenancy, @Context() ctx: GraphQLContext): Promise<Enterprise> {
    return (await enterpriseLoaders(ctx).enterprise.load(t.enterpriseId))!;
  }

  @ResolveField(() => TenancyStage, {
    nullable: true,
    description: 'Stage on the date (ENDED from endsOn on; null before startsOn).',
  })
  stage(@Parent() t: Tenancy, @Args('asOf', AS_OF) asOf?: string): TenancyStage | null {
    return stageOn(t, asOf ?? t.asOf ?? today());
  }

  @ResolveField(() => [TenancyStage], {
    description:
      'The stages this tenancy may move to next, from its latest recorded stage: FITTING_OUT or OPERATING by ' +
      'advanceTenancyStage, ENDED by endTenancy (a RESERVED tenancy may end without opening; one fitting out must ' +
      'open first). Empty once it has ended. Lets a client offer only the moves the API accepts.',
  })
  nextStages(@Parent() t: Tenancy): TenancyStage[] {
    return allowedMoves(latestStage(t));
  }

  @ResolveField(() => [TenancyStageEvent], { description: 'Every stage change and correction, as recorded.' })
  stageHistory(@Parent() t: Tenancy, @Context() ctx: GraphQLContext): Promise<TenancyStageEvent[]> {
    return tenancyLoaders(ctx).history.load(t.id);
  }
}

@Resolver(() => Unit)
export class UnitTenancyFieldsResolver {
  @ResolveField(() => UnitStatus, {
    description: 'What the unit is on the date (derived from its tenancies).',
  })
  async status(
    @Parent() unit: Unit,
    @Context() ctx: GraphQLContext,
    @Args('asOf', AS_OF) asOf?: string,
  ): Promise<UnitStatus> {
    if (!unit.leasable) return UnitStatus.UNAVAILABLE;
    const date = asOf ?? unit.asOf ?? today();
    const t = await tenancyLoaders(ctx).holdingUnitOn.load({ group: date, id: unit.id });
    return t ? (stageOn(t, date) as unknown as UnitStatus) : UnitStatus.VACANT;
  }

  @ResolveField(() => Tenancy, {
    nullable: true,
    description: 'The tenancy holding the unit on the date; null when vacant.',
  })
  currentTenancy(
    @Parent() unit: Unit,
    @Context() ctx: GraphQLContext,
    @Args('asOf', AS_OF) asOf?: string,
  ): Promise<Tenancy | null> {
    const date = asOf ?? unit.asOf ?? today();
    return tenancyLoaders(ctx).holdingUnitOn.load({ group: date, id: unit.id });
  }

  @ResolveField(() => [Tenancy], { description: 'Every tenancy of the unit, oldest first.' })
  tenancies(@Parent() unit: Unit, @Context() ctx: GraphQLContext): Promise<Tenancy[]> {
    // A list that read them ahead answers without this resolver (space.service.ts listUnits, resolved-ahead.ts).
    return tenancyLoaders(ctx).ofUnit.load(unit.id);
  }
}

@Resolver(() => Enterprise)
export class EnterpriseTenancyFieldsResolver {
  @ResolveField(() => [Tenancy], {
    description:
      'Tenancies of the enterprise holding a unit on the date (all of them, oldest first, with includeEnded).',
  })
  async tenancies(
    @Parent() e: Enterprise,
    @Context() ctx: GraphQLContext,
    @Args('asOf', AS_OF) asOf?: string,
    @Args('includeEnded', { defaultValue: false, description: 'Also list ended and future tenancies.' })
    includeEnded?: boolean,
  ): Promise<Tenancy[]> {
    const all = await tenancyLoaders(ctx).ofEnterprise.load(e.id);
    const date = asOf ?? e.asOf ?? today();
    const list = includeEnded
      ? all
      : all.filter((t) => {
          const s = stageOn(t, date);
          return s !== null && s !== TenancyStage.ENDED;
        });
    return list.map((t) => ({ ...t, asOf: date }));
  }
}
