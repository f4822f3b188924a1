import { ClientError, GraphQLClient, type Variables } from 'graphql-request';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { ApiError } from './errors';

let token: string | undefined;
let onUnauthenticated: () => void = () => undefined;

/** The bearer token every request sends (set at sign-in; the session survives a reload in sessionStorage). */
export function setToken(value: string | undefined, whenRefused?: () => void): void {
  token = value;
  if (whenRefused) onUnauthenticated = whenRefused;
}

export function authorization(): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

const client = new GraphQLClient(`${location.origin}/graphql`, { headers: () => authorization() });

/** The API's errors of a failed request (its GraphQL errors, or one error for a network failure). */
export function apiErrors(error: unknown): ApiError[] {
  if (error instanceof ClientError)
    return (error.response.errors as ApiError[] | undefined) ?? [{ message: error.message }];
  return [{ message: error instanceof Error ? error.message : String(error) }];
}

/** Runs a typed operation; an expired token sends the user back to sign-in. */
export async function request<R, V extends Variables>(
  document: TypedDocumentNode<R, V>,
  variables?: V,
): Promise<R> {
  try {
    return await client.request<R, V>({ document, variables } as never);
  } catch (error) {
    if (apiErrors(error).some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated();
    throw error;
  }
}
