import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Browser assets served from node_modules, so GraphiQL works offline and where public CDNs are slow or blocked. */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'application/javascript' },
  'react-dom.js': {
    pkg: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'application/javascript',
  },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'application/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** What a first-time visitor sees: how to sign in, then the article's figures. */
const DEFAULT_QUERY = `# 1. Sign in (demo users: admin, leasing, recruiter, analyst; password shifosi-demo),
# 2. copy accessToken into the Headers tab below as {"Authorization": "Bearer <accessToken>"},
# 3. run Overview.

mutation SignIn {
  login(username: "admin", password: "shifosi-demo") { accessToken expiresAt }
}

query Overview {
  parkOverview(parkCode: "dazu-carving-park", zoneCode: "shifosi-west", asOf: "2024-02-01") {
    occupiedEnterprises occupiedUnits operatingEnterprises operatingUnits totalUnits
    occupancy { percent numerator denominator definition }
    occupancyByArea { percent numerator denominator }
  }
}
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Shifosi park · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultEditorToolsVisibility: true,
        defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
      }),
    );
  </script>
</body>
</html>`;

function loadAsset(name: string): Buffer | undefined {
  const asset = ASSETS[name];
  if (!asset) return undefined;
  return readFileSync(join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file));
}

/**
 * GraphiQL at GET /graphql for browsers (Accept: text/html, no `query` parameter); every other request to /graphql
 * is GraphQL over HTTP as usual. Development only: configureApp skips this in production.
 */
export function registerGraphiQL(fastify: FastifyInstance): void {
  const cache = new Map<string, Buffer>();
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET') return;
    const [path, search = ''] = request.url.split('?');
    if (path !== '/graphql' || new URLSearchParams(search).has('query')) return;
    if (!String(request.headers.accept ?? '').includes('text/html')) return;
    return reply.type('text/html; charset=utf-8').send(PAGE);
  });
  fastify.get<{ Params: { name: string } }>('/graphiql/assets/:name', async (request, reply) => {
    const { name } = request.params;
    let body = cache.get(name);
    if (!body) {
      body = loadAsset(name);
      if (!body) return reply.code(404).send({ message: 'Not found' });
      cache.set(name, body);
    }
    return reply.type(ASSETS[name].type).header('cache-control', 'public, max-age=86400').send(body);
  });
}
