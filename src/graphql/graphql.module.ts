import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { createErrorFormatter } from './error-formatter';
import { GraphQLPassThroughFilter } from './graphql-exception.filter';
import { GraphQLContext, LoaderRegistry } from './graphql-context';
import { graphqlLimitOptions } from './limits/graphql-limits';
import { maskPersonalData } from '../modules/access/personal-data.schema';
import { GraphQLSchema } from 'graphql';
import { plainFields } from './plain-fields';
import { answerReadAhead } from './resolved-ahead';
import { GraphQLDateTime } from 'graphql-scalars';
import { globalIds } from './node/global-ids.schema';
import { NodeRegistry } from './node/node-registry';
import { NodeResolver } from './node/node.resolver';
import { NodeService } from './node/node.service';
import { persistedQueryOptions } from './persisted-queries';

@Global()
@Module({
  providers: [
    LoaderRegistry,
    NodeRegistry,
    NodeService,
    NodeResolver,
    { provide: APP_FILTER, useClass: GraphQLPassThroughFilter },
  ],
  exports: [LoaderRegistry, NodeRegistry],
})
class LoaderRegistryModule {}

/**
 * GraphQL over Mercurius with graphql-jit. The schema is built from the code (code-first) in memory; `npm run
 * schema` writes schema.gql from the same build and `npm run check` fails when the committed file is stale.
 */
@Module({
  imports: [
    LoaderRegistryModule,
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      imports: [LoaderRegistryModule],
      inject: [AppConfig, LoaderRegistry],
      useFactory: (config: AppConfig, loaders: LoaderRegistry): MercuriusDriverConfig => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        // JS Date (instants) maps to DateTime; calendar dates use the Date scalar explicitly.
        buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: GraphQLDateTime }] },
        // Our own offline GraphiQL page is served by graphiql.route.ts (Mercurius's loads from a CDN).
        graphiql: false,
        ide: false,
        jit: 1,
        // Automatic persisted queries (extensions.persistedQuery.sha256Hash, as Apollo Client and urql send it), over
        // POST and GET, or locked mode; a persisted query runs through the same validation rules and hooks as its text.
        ...persistedQueryOptions(config),
        // Depth, alias, cost and batch limits; introspection is refused in production by a validation rule (see
        // limits/): Mercurius has no `introspection` option.
        ...graphqlLimitOptions(config),
        errorFormatter: createErrorFormatter({
          hideSuggestions: config.isProduction,
          bodyLimitBytes: config.BODY_LIMIT_BYTES,
        }),
        // Root types get their descriptions here: code-first has no decorator for them. Fields marked @PersonalData
        // get their masking wrapper (access rules themselves are checked by the access guard, see access-plan.ts).
        transformSchema: (schema: GraphQLSchema) => {
          const query = schema.getQueryType();
          const mutation = schema.getMutationType();
          if (query)
            query.description =
              'Reads: parks, units, enterprises, tenancies, figures, accounts and the audit log.';
          if (mutation)
            mutation.description =
              'Changes; each is checked against your role and parks and recorded in the audit log.';
          // Plain fields lose Nest's property-reading resolver first (graphql-jit then reads them inline); read-ahead
          // answers next, so that masking wraps them too; ID fields encode global ids after read-ahead, so that they
          // are not wrapped twice.
          plainFields(schema);
          return maskPersonalData(globalIds(answerReadAhead(schema)));
        },
        context: (request: FastifyRequest, reply: FastifyReply): GraphQLContext => ({
          requestId: request.id,
          request,
          reply,
          loaders: loaders.create(),
        }),
      }),
    }),
  ],
  exports: [LoaderRegistryModule],
})
export class AppGraphQLModule {}
