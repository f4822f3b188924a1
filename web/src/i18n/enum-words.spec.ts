import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLEnumType,
  type GraphQLNamedType,
} from 'graphql';
import { enEnums, enWords } from './en';
import { zhEnums, zhWords } from './zh';

const WEB_SRC = join(__dirname, '..');
const schema = buildSchema(readFileSync(join(WEB_SRC, '..', '..', 'schema.gql'), 'utf8'));

/** The console's own operations: every graphql(`…`) document in web/src (the generated gql/ folder aside). */
function consoleDocuments(dir = WEB_SRC): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'gql') found.push(...consoleDocuments(path));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)) found.push(m[1]!);
    }
  }
  return found;
}

/** Every enum an operation reads (a selected field's type) or writes (a variable's type, inside input objects too). */
function enumsUsed(documents: readonly string[]): Set<string> {
  const used = new Set<string>();
  const addInput = (type: GraphQLNamedType, seen = new Set<string>()) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    if (isEnumType(type)) used.add(type.name);
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields())) addInput(getNamedType(field.type), seen);
  };
  for (const source of documents) {
    const typeInfo = new TypeInfo(schema);
    visit(
      parse(source),
      visitWithTypeInfo(typeInfo, {
        Field() {
          const type = typeInfo.getType();
          if (type && isEnumType(getNamedType(type))) used.add(getNamedType(type).name);
        },
        VariableDefinition() {
          const type = typeInfo.getInputType();
          if (type) addInput(getNamedType(type));
        },
      }),
    );
  }
  return used;
}

describe('console translations', () => {
  const used = enumsUsed(consoleDocuments());

  it('finds the enums the console reads and writes', () => {
    expect(used).toEqual(
      expect.objectContaining(new Set(['UnitStatus', 'TenancyStage', 'Role', 'Province'])),
    );
    expect([...used]).toEqual(
      expect.arrayContaining(['UnitStatus', 'TenancyStage', 'Role', 'TraineeStatus', 'Province']),
    );
  });

  it.each([...used].sort())('names every value of %s in Chinese and in English', (name) => {
    const values = (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
    for (const [lang, dictionary] of [
      ['zh', zhEnums],
      ['en', enEnums],
    ] as const) {
      const words = (dictionary as unknown as Record<string, Record<string, string> | undefined>)[name];
      const missing = values.filter((value) => !words?.[value]?.trim() || words[value] === value);
      expect({ lang, name, missing }).toEqual({ lang, name, missing: [] });
    }
  });

  it('has the same words in both languages, none empty', () => {
    expect(Object.keys(enWords).sort()).toEqual(Object.keys(zhWords).sort());
    for (const words of [zhWords, enWords]) expect(Object.values(words).filter((w) => !w.trim())).toEqual([]);
  });
});
