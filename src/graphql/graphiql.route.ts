import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../seed/demo-seed';

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

/** The first tab: signing in. Running it puts the token into the Headers tab (see START_SCRIPT). */
const SIGN_IN_TAB = `# Press ▶ to sign in: the token goes into Headers (below),
# and every tab sends it. Then open the Overview tab.
# Demo users: admin, leasing, recruiter, analyst
# (password ${DEMO_PASSWORD}), while they exist.

mutation SignIn {
  login(username: "admin", password: "${DEMO_PASSWORD}") {
    accessToken
    expiresAt
  }
}
`;

/** The second tab: the article's figures. */
const OVERVIEW_TAB = `# Western Shifosi on 2024-02-01: 84 enterprises
# fitting out or operating 107 of 140 bays.

query Overview {
  parkOverview(parkCode: "dazu-carving-park", zoneCode: "shifosi-west", asOf: "2024-02-01") {
    occupiedEnterprises occupiedUnits operatingEnterprises operatingUnits totalUnits
    occupancy { percent numerator denominator definition }
    occupancyByArea { percent numerator denominator }
  }
}
`;

/**
 * Boots GraphiQL. A script file of our own rather than an inline script, so the page runs under the same
 * Content-Security-Policy as every other response (`script-src 'self'`). Its fetcher watches for a `login` answer and
 * puts `Authorization: Bearer <token>` into the Headers tab, so nobody copies tokens by hand.
 */
const START_SCRIPT = `'use strict';
(function () {
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  var tabs = [{ query: ${JSON.stringify(SIGN_IN_TAB)} }, { query: ${JSON.stringify(OVERVIEW_TAB)} }];
  var token;
  function fetcher(params, options) {
    var sent = Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, (options && options.headers) || {});
    // Tabs keep their own headers: a tab that sets no Authorization sends the token of the last sign-in.
    var hasAuthorization = Object.keys(sent).some(function (name) { return name.toLowerCase() === 'authorization'; });
    if (token && !hasAuthorization) sent.Authorization = 'Bearer ' + token;
    return fetch('/graphql', { method: 'POST', headers: sent, body: JSON.stringify(params) })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        var signedIn = result && result.data && result.data.login && result.data.login.accessToken;
        if (signedIn) {
          token = signedIn;
          render(JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2));
        }
        return result;
      });
  }
  function render(headers) {
    root.render(React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: tabs,
      defaultEditorToolsVisibility: 'headers',
      headers: headers,
    }));
  }
  render(undefined);
})();
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Shifosi park · GraphiQL</title>
  <link rel="icon" href="/favicon.ico" />
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <link rel="stylesheet" href="/graphiql/assets/page.css" />
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script src="/graphiql/assets/start.js"></script>
</body>
</html>`;

/** Assets written here rather than read from a package. */
const OWN_ASSETS: Record<string, { body: string; type: string }> = {
  'start.js': { body: START_SCRIPT, type: 'application/javascript' },
  'page.css': { body: 'html, body, #graphiql { height: 100%; margin: 0; }\n', type: 'text/css' },
};

function loadAsset(name: string): { body: Buffer; type: string } | undefined {
  const own = OWN_ASSETS[name];
  if (own) return { body: Buffer.from(own.body), type: own.type };
  const asset = ASSETS[name];
  if (!asset) return undefined;
  const file = join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file);
  return { body: readFileSync(file), type: asset.type };
}

/**
 * GraphiQL at GET /graphql for browsers (Accept: text/html, no `query` parameter); every other request to /graphql
 * is GraphQL over HTTP as usual. Development only: configureApp skips this in production.
 */
export function registerGraphiQL(fastify: FastifyInstance): void {
  const cache = new Map<string, { body: Buffer; type: string }>();
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET') return;
    const [path, search = ''] = request.url.split('?');
    if (path !== '/graphql' || new URLSearchParams(search).has('query')) return;
    if (!String(request.headers.accept ?? '').includes('text/html')) return;
    return reply.type('text/html; charset=utf-8').send(PAGE);
  });
  fastify.get<{ Params: { name: string } }>('/graphiql/assets/:name', async (request, reply) => {
    const { name } = request.params;
    let asset = cache.get(name);
    if (!asset) {
      asset = loadAsset(name);
      if (!asset) return reply.code(404).send({ message: 'Not found' });
      cache.set(name, asset);
    }
    return reply.type(asset.type).header('cache-control', 'public, max-age=86400').send(asset.body);
  });
}
