'use strict';
/**
 * PostGraphile v4 peer: the same database and pool size as the app, the simplify inflector (plural list fields,
 * `unitsList`, `unitByParkIdAndCode`…), production options (no GraphiQL, no query log, no watch).
 * Env: DATABASE_URL, PORT, POOL_SIZE (20).
 */
const http = require('node:http');
const { Pool } = require('pg');
const { postgraphile } = require('postgraphile');
const PgSimplifyInflectorPlugin = require('@graphile-contrib/pg-simplify-inflector');
const { makeJSONPgSmartTagsPlugin } = require('graphile-utils');

/**
 * The schema's natural keys are unique indexes (not constraints), which PostGraphile does not turn into lookups; these
 * tags declare them, as a PostGraphile user would, so that the peer has `parkByCode` and `unitByParkIdAndCode`.
 */
const NaturalKeys = makeJSONPgSmartTagsPlugin({
  version: 1,
  config: {
    class: {
      park: { tags: { unique: 'code' } },
      zone: { tags: { unique: 'park_id,code' } },
      unit: { tags: { unique: 'park_id,code' } },
    },
  },
});

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE || 20),
  application_name: 'bench-postgraphile',
});
const handler = postgraphile(pool, 'public', {
  appendPlugins: [PgSimplifyInflectorPlugin, NaturalKeys],
  graphqlRoute: '/graphql',
  graphiql: false,
  disableQueryLog: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: true,
  retryOnInitFail: false,
  extendedErrors: [],
});
const server = http.createServer(handler);
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT || 5100), '127.0.0.1', () => {
  process.stdout.write(`postgraphile peer listening on ${process.env.PORT}\n`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
