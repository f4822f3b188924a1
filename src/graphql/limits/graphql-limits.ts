import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { DocumentNode, GraphQLSchema, NoSchemaIntrospectionCustomRule, ValidationRule } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import type { AppConfig } from '../../config/app-config';
import { LimitCode, limitError, RequestRejectedError } from './limit-errors';
import { inputGuardHook } from '../input-guard';
import { queryCost } from './query-cost';
import { aliasLimitRule, depthLimitRule } from './query-shape';

type LimitSettings = Pick<
  AppConfig,
  | 'GRAPHQL_MAX_DEPTH'
  | 'GRAPHQL_MAX_ALIASES'
  | 'GRAPHQL_MAX_COST'
  | 'GRAPHQL_MAX_BATCH'
  | 'GRAPHQL_INTROSPECTION'
  | 'isProduction'
>;

/** Introspection is on in development and test, and in production only with GRAPHQL_INTROSPECTION=true. */
export function introspectionAllowed(
  config: Pick<LimitSettings, 'isProduction' | 'GRAPHQL_INTROSPECTION'>,
): boolean {
  return !config.isProduction || config.GRAPHQL_INTROSPECTION;
}

/**
 * The operation name the client sent with this operation (POST body, GET query string, or its element of a batch):
 * the preExecution hook gets the document and variables but not the name.
 */
export function operationNameOf(context: MercuriusContext): string | undefined {
  const request = context.reply?.request;
  if (!request) return undefined;
  let params: unknown = request.method === 'GET' ? request.query : request.body;
  if (Array.isArray(params)) params = params[context.operationId ?? 0];
  const name = (params as { operationName?: unknown } | null | undefined)?.operationName;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Mercurius validation rules must be a static list for Mercurius to keep its query cache (and so graphql-jit): the
 * function form, which would see the variables, is refused with caching on. Depth, aliases and introspection depend
 * on the document alone, so they are validation rules: Mercurius runs them once per distinct query text and
 * remembers the answer, also a refusal. The cost depends on variables (`first: $n`), so it is priced in the
 * preExecution hook, which runs on every request, cached or compiled, after validation and before any resolver.
 */
export function limitValidationRules(config: LimitSettings): ValidationRule[] {
  const allowIntrospection = introspectionAllowed(config);
  return [
    // `introspection: false` is an Apollo option; Mercurius ignores it, so introspection is refused here.
    ...(allowIntrospection ? [] : [NoSchemaIntrospectionCustomRule]),
    depthLimitRule(config.GRAPHQL_MAX_DEPTH, { ignoreIntrospection: allowIntrospection }),
    aliasLimitRule(config.GRAPHQL_MAX_ALIASES),
  ];
}

/** Refuses an operation whose cost, with the request's variables, is above GRAPHQL_MAX_COST (HTTP 400). */
export function costLimitHook(
  config: LimitSettings,
): (schema: GraphQLSchema, document: DocumentNode, context: MercuriusContext, variables: unknown) => void {
  const ignoreIntrospection = introspectionAllowed(config);
  const maxCost = config.GRAPHQL_MAX_COST;
  return (schema, document, context, variables) => {
    const cost = queryCost(schema, document, {
      variables:
        variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : undefined,
      operationName: operationNameOf(context),
      ignoreIntrospection,
    });
    if (cost > maxCost) {
      throw new RequestRejectedError([
        limitError(
          LimitCode.COST_LIMIT_EXCEEDED,
          `Query cost ${cost} exceeds the limit of ${maxCost} (GRAPHQL_MAX_COST)`,
          { limit: maxCost, actual: cost },
        ),
      ]);
    }
  };
}

/** The Mercurius options that enforce GRAPHQL_MAX_DEPTH, _ALIASES, _COST and _BATCH and production introspection. */
export function graphqlLimitOptions(
  config: LimitSettings,
): Pick<MercuriusDriverConfig, 'validationRules' | 'allowBatchedQueries' | 'hooks'> {
  return {
    validationRules: limitValidationRules(config),
    // Arrays longer than GRAPHQL_MAX_BATCH (or any array when it is 1) are refused earlier, see batch-limit.ts.
    allowBatchedQueries: config.GRAPHQL_MAX_BATCH > 1,
    // Inputs are checked first (variables coerced, NUL, IDs, numbers), so that the cost is priced on valid variables.
    hooks: {
      preExecution: [
        inputGuardHook((context) => operationNameOf(context as MercuriusContext)),
        costLimitHook(config),
      ],
    },
  };
}
