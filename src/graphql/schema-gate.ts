import { Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** What the gate found between the released schema and the current one. */
export interface GateResult {
  /** Breaking changes listed in the changelog's Unreleased section, with a reason. */
  allowed: Change[];
  /** Breaking changes the changelog does not list: the gate fails on these. */
  unlisted: Change[];
  /** Changes that may break some clients (a new enum value, a changed default): printed, never fatal. */
  dangerous: Change[];
}

/** The heading under which the next version's breaking changes are listed. */
export const UNRELEASED = '## Unreleased';

/**
 * The schema coordinates the changelog's Unreleased section lists as breaking, each with a reason: lines like
 * "- `Query.units` (removed): replaced by `unitsPage`", i.e. a bullet, the coordinate in backticks, then a reason
 * after a colon or a dash. A coordinate without a reason does not count.
 */
export function listedBreakingChanges(changelog: string): Set<string> {
  const start = changelog.indexOf(UNRELEASED);
  if (start < 0) return new Set();
  const rest = changelog.slice(start + UNRELEASED.length);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const listed = new Set<string>();
  for (const line of section.split('\n')) {
    const match = /^\s*[-*]\s+`([^`]+)`[^:—–-]*[:—–-]\s*(\S.*)$/.exec(line);
    if (match?.[2]?.trim()) listed.add(match[1]);
  }
  return listed;
}

/**
 * Compares two schemas (SDL) with @graphql-inspector/core: a breaking change (removed field or type, changed type,
 * new required argument…) is allowed only when the changelog's Unreleased section lists its coordinate with a reason.
 */
export async function schemaGate(released: string, current: string, changelog: string): Promise<GateResult> {
  const changes = await diff(buildSchema(released), buildSchema(current));
  const listed = listedBreakingChanges(changelog);
  const result: GateResult = { allowed: [], unlisted: [], dangerous: [] };
  for (const change of changes) {
    if (change.criticality.level === CriticalityLevel.Dangerous) result.dangerous.push(change);
    if (change.criticality.level !== CriticalityLevel.Breaking) continue;
    const where = change.path ?? change.message;
    (listed.has(where) ? result.allowed : result.unlisted).push(change);
  }
  return result;
}
