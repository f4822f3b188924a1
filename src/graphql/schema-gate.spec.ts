import { listedBreakingChanges, schemaGate } from './schema-gate';

const RELEASED = `
  type Query { units(first: Int): [Unit!]! unit(code: String!): Unit }
  type Unit { id: ID! code: String! floorArea: Float! kind: UnitKind! }
  enum UnitKind { BAY OFFICE }
`;
const CHANGELOG = (lines: string) =>
  `# Changelog\n\n## Unreleased\n\n${lines}\n\n## 0.1.0\n\n- \`Unit.zone\`: old\n`;

describe('schema gate', () => {
  it('passes an additive change (new field, new optional argument, new type)', async () => {
    const current = RELEASED.replace('floorArea: Float!', 'floorArea: Float! building: String')
      .replace('units(first: Int)', 'units(first: Int, after: String)')
      .concat('\n type Zone { id: ID! }');
    const result = await schemaGate(RELEASED, current, CHANGELOG(''));
    expect(result.unlisted).toEqual([]);
    expect(result.allowed).toEqual([]);
  });

  it('fails on a removed field, a changed type and a new required argument when the changelog does not list them', async () => {
    const current = RELEASED.replace('code: String! floorArea: Float!', 'code: Int!').replace(
      'units(first: Int)',
      'units(first: Int, parkCode: String!)',
    );
    const result = await schemaGate(RELEASED, current, CHANGELOG(''));
    expect(result.unlisted.map((c) => c.path).sort()).toEqual([
      'Query.units.parkCode',
      'Unit.code',
      'Unit.floorArea',
    ]);
  });

  it('passes a breaking change listed under Unreleased with a reason, and only then', async () => {
    const current = RELEASED.replace(' floorArea: Float!', '');
    const listed = await schemaGate(
      RELEASED,
      current,
      CHANGELOG('- `Unit.floorArea` (removed): use `area` instead'),
    );
    expect(listed.unlisted).toEqual([]);
    expect(listed.allowed.map((c) => c.path)).toEqual(['Unit.floorArea']);
    const noReason = await schemaGate(RELEASED, current, CHANGELOG('- `Unit.floorArea`'));
    expect(noReason.unlisted.map((c) => c.path)).toEqual(['Unit.floorArea']);
  });

  it('does not take a coordinate listed under an already released version', async () => {
    const current = RELEASED.replace('type Unit {', 'type Unit { zone: String').replace(' code: String!', '');
    const result = await schemaGate(RELEASED, current, CHANGELOG(''));
    expect(result.unlisted.map((c) => c.path)).toEqual(['Unit.code']);
    expect(listedBreakingChanges(CHANGELOG(''))).toEqual(new Set());
  });

  it('reports a new enum value as dangerous, not breaking', async () => {
    const current = RELEASED.replace('BAY OFFICE', 'BAY OFFICE WAREHOUSE');
    const result = await schemaGate(RELEASED, current, CHANGELOG(''));
    expect(result.unlisted).toEqual([]);
    expect(result.dangerous.map((c) => c.path)).toEqual(['UnitKind.WAREHOUSE']);
  });
});
