import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types of every operation in web/src, checked against the API's schema.gql: an API change that breaks the console breaks the build. */
const config: CodegenConfig = {
  schema: '../schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string', Decimal: 'string', JSON: 'unknown' },
      },
    },
  },
};
export default config;
