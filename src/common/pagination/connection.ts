import { Type } from '@nestjs/common';
import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ResolvedLazily } from '../../graphql/plain-fields';
import { PartOfParent } from '../../modules/access/access.decorators';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort order.',
  valuesMap: { ASC: { description: 'Smallest first.' }, DESC: { description: 'Largest first.' } },
});

@PartOfParent()
@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'Always false: paging is forward only (first/after).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item on this page.' })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A promise when counted only on demand (keyset.ts countWhenRead). */
  totalCount: number | Promise<number>;
}

/** Builds the `XConnection` and `XEdge` GraphQL types for a node type (Relay cursor connections). */
export function ConnectionType<T>(nodeType: Type<T>, nodeName: string): Type<Connection<T>> {
  // Edges and connections hold no data of their own: each node is checked by the rule of its type.
  @PartOfParent()
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${nodeName}.` })
    node: T;
  }

  @PartOfParent()
  @ObjectType(`${nodeName}Connection`, { description: `A page of ${nodeName} items (Relay connection).` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items of this page, in order.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo: PageInfo;

    // Counted when first read (keyset.ts countWhenRead): the property may be a promise.
    @ResolvedLazily()
    @Field(() => Int, { description: 'How many items match the filter, across all pages.' })
    totalCount: number;
  }
  return ConnectionClass;
}
