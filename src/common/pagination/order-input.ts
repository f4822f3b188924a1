import { Type } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { SortDirection } from './connection';

/** A list's sort order as a client gives it: a key of the list's own enum and a direction. */
export interface OrderInput<F extends string> {
  field: F;
  direction: SortDirection;
}

/**
 * The `…Order` input of one list (e.g. `UnitOrder`): the same two fields for every list, validated the same way;
 * only the GraphQL name, the key enum and the noun in the description differ.
 */
export function OrderInputType<F extends string>(
  name: string,
  fieldEnum: Record<string, F>,
  items: string,
): Type<OrderInput<F>> {
  @InputType(name, { description: `How to sort ${items}; ties are broken by id.` })
  class Order implements OrderInput<F> {
    @Field(() => fieldEnum, { description: 'Sort key.' })
    @IsEnum(fieldEnum)
    field!: F;

    @Field(() => SortDirection, {
      nullable: true,
      defaultValue: SortDirection.ASC,
      description: 'Direction.',
    })
    @IsEnum(SortDirection)
    direction: SortDirection = SortDirection.ASC;
  }
  return Order;
}
