import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  Field,
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  Int,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { plainFields, ResolvedLazily } from './plain-fields';

@ObjectType()
class Item {
  @Field()
  code: string;

  @Field(() => Int, { nullable: true })
  area: number | null;

  @Field({ name: 'label' })
  title: string;

  @Field({ defaultValue: 'none' })
  note: string;

  @ResolvedLazily()
  @Field(() => Int)
  count: number;

  @Field(() => String)
  shout: string;
}

@Resolver(() => Item)
class ItemResolver {
  @Query(() => [Item])
  items(): Item[] {
    const item = { code: 'W-001', area: null, title: 'West 1' } as Item;
    // A count started on first read, as keyset.ts countWhenRead does.
    Object.defineProperty(item, 'count', { enumerable: true, get: () => Promise.resolve(7) });
    return [item];
  }

  @ResolveField(() => String)
  shout(@Parent() item: Item): string {
    return item.code.toUpperCase() + '!';
  }
}

/**
 * The schema as the app gets it: Nest's schema factory gives every @Field its property-reading resolver, and its
 * GraphQLFactory then attaches the resolver class's methods (done here by hand, as the factory alone does not).
 */
async function appSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  const schema = await app.get(GraphQLSchemaFactory).create([ItemResolver]);
  await app.close();
  const resolver = new ItemResolver();
  schema.getQueryType()!.getFields().items.resolve = () => resolver.items();
  (schema.getType('Item') as GraphQLObjectType).getFields().shout.resolve = (item: Item) =>
    resolver.shout(item);
  return schema;
}

describe('plainFields', () => {
  let schema: GraphQLSchema;
  let removed: number;

  beforeAll(async () => {
    schema = await appSchema();
    // The resolvers Nest gives fields, before: every field has one.
    const before = (schema.getType('Item') as GraphQLObjectType).getFields();
    expect(Object.values(before).every((f) => typeof f.resolve === 'function')).toBe(true);
    removed = plainFields(schema);
  });

  const fields = () => (schema.getType('Item') as GraphQLObjectType).getFields();

  it('removes the property-reading resolver of plain fields, and only theirs', () => {
    expect(fields().code.resolve).toBeUndefined();
    expect(fields().area.resolve).toBeUndefined();
    // Renamed (reads `title`), with a default value, marked lazy, or a @ResolveField: kept.
    expect(fields().label.resolve).toBeDefined();
    expect(fields().note.resolve).toBeDefined();
    expect(fields().count.resolve).toBeDefined();
    expect(fields().shout.resolve).toBeDefined();
    expect(removed).toBe(2);
  });

  it('answers every field as before under graphql-jit: renamed, defaulted, lazy and resolved ones too', async () => {
    const compiled = compileQuery(schema, parse('{ items { code area label note count shout } }'));
    if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
    const result = await compiled.query(undefined, {}, {});
    expect(result).toEqual({
      data: {
        items: [{ code: 'W-001', area: null, label: 'West 1', note: 'none', count: 7, shout: 'W-001!' }],
      },
    });
  });
});
