import 'reflect-metadata';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { adminQuery, startScratchServer, withDatabaseName } from '../src/database/scratch-server';
import { BENCH_PASSWORD, BENCH_USER, generate } from './generate';
import { DatabaseCpu, databaseCpuMeter, measure, StatementCounter } from './load';
import { parseOptions } from './options';
import { Cell, markdown, Results, writeResults } from './report';
import { Body, Fixtures, SCENARIOS, S4_API, S4_PG, Target } from './scenarios';
import {
  installPeers,
  productionEnv,
  productionNodeMajor,
  ROOT,
  Server,
  startApi,
  startPostGraphile,
  startRaw,
} from './servers';
import { runBulk } from './bulk';
import { doubleLets, writeFixtures, WriteTally, writeSequence } from './writes';

/**
 * `npm run bench`: generates a bench database, starts this API (production build), the PostGraphile v4 peer and the
 * raw-SQL peer as their own processes on it, and loads each scenario with autocannon in interleaved rounds. See
 * the Performance section of README.md for what each number means; results go to bench/results/.
 */
async function post(server: Server, body: Body, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(`${server.url}${body.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body.body,
  });
  const json = (await res.json()) as { errors?: unknown[] };
  if (res.status !== 200 || json.errors?.length) {
    throw new Error(
      `${server.target} ${body.path} answered ${res.status}: ${JSON.stringify(json).slice(0, 500)}`,
    );
  }
  return json;
}

const gqlBody = (query: string, variables: Record<string, unknown>): Body => ({
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});

/** Cursors of page 49 (so that the request reads page 50), found by paging as a client would. */
async function fixtures(servers: Map<Target, Server>, auth: Record<string, string>): Promise<Fixtures> {
  const f: Fixtures = { username: BENCH_USER, password: BENCH_PASSWORD, rawCursor: 'B-1-0490' };
  const vars = { park: 'dazu-carving-park', zone: 'bench-hall' };
  const api = servers.get('api');
  if (api) {
    let after: string | null = null;
    for (let page = 1; page < 50; page++) {
      const r = (await post(api, gqlBody(S4_API, { ...vars, after }), auth)) as {
        data: { units: { pageInfo: { endCursor: string } } };
      };
      after = r.data.units.pageInfo.endCursor;
    }
    f.apiCursor = after!;
  }
  const pg = servers.get('postgraphile');
  if (pg) {
    let after: string | null = null;
    for (let page = 1; page < 50; page++) {
      const r = (await post(pg, gqlBody(S4_PG, { ...vars, after }))) as {
        data: {
          parkByCode: { zones: { nodes: { unitsByZoneIdAndParkId: { pageInfo: { endCursor: string } } }[] } };
        };
      };
      after = r.data.parkByCode.zones.nodes[0].unitsByZoneIdAndParkId.pageInfo.endCursor;
    }
    f.pgCursor = after!;
  }
  return f;
}

/** Every server runs on this process's Node.js: say so when that is not the production image's. */
function runtimeNote(): string {
  const major = productionNodeMajor();
  const mine = Number(process.versions.node.split('.')[0]);
  return major === null || major === mine
    ? ''
    : ` **Not the production runtime** (the image runs Node ${major}; its heap settings were measured there): ` +
        `run \`npx -y -p node@${major} -c 'npm run bench'\`.`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const runtime = runtimeNote();
  if (runtime) console.warn(`bench:${runtime.replace(/\*\*/g, '')}`);
  const startedAt = new Date().toISOString();
  const skipped: string[] = [];
  const targets = new Set(options.targets);
  if (targets.has('postgraphile')) {
    const problem = installPeers();
    if (problem) {
      if (!options.peersOptional) throw new Error(problem);
      skipped.push(`postgraphile: ${problem}`);
      targets.delete('postgraphile');
    }
  }

  const server = await startScratchServer(process.env.BENCH_SERVER_URL, [
    '-c',
    'shared_preload_libraries=pg_stat_statements',
    '-c',
    'pg_stat_statements.track_utility=off',
  ]);
  const dbName = `bench_${options.scale}_${options.seed}`;
  const started: Server[] = [];
  let counter: StatementCounter | null = null;
  try {
    await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await adminQuery(server.adminUrl, `CREATE DATABASE ${dbName}`);
    const url = withDatabaseName(server.adminUrl, dbName);
    const t0 = Date.now();
    const data = await generate(url, options.scale, options.seed);
    const generateSeconds = (Date.now() - t0) / 1000;
    console.log(`bench: ${dbName} generated in ${generateSeconds.toFixed(1)} s: ${JSON.stringify(data)}`);

    const servers = new Map<Target, Server>();
    const starters: Record<Target, () => Promise<Server>> = {
      api: () => startApi(url),
      postgraphile: () => startPostGraphile(url, options.poolSize),
      raw: () => startRaw(url, options.poolSize),
    };
    for (const target of targets) {
      try {
        const s = await starters[target]();
        started.push(s);
        servers.set(target, s);
      } catch (error) {
        if (!options.peersOptional || target === 'api') throw error;
        skipped.push(`${target}: did not start (${(error as Error).message.split('\n')[0]})`);
      }
    }
    const auth: Record<string, string> = {};
    if (servers.has('api')) {
      const login = (await post(
        servers.get('api')!,
        gqlBody('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', {
          u: BENCH_USER,
          p: BENCH_PASSWORD,
        }),
      )) as { data: { login: { accessToken: string } } };
      auth.authorization = `Bearer ${login.data.login.accessToken}`;
    }
    const f = await fixtures(servers, auth);
    counter = await StatementCounter.open(server.adminUrl, dbName);
    const databaseCpu: DatabaseCpu = await databaseCpuMeter(url);

    const scenarios = SCENARIOS.filter(
      (s) => s.scales.includes(options.scale) && (!options.scenarios || options.scenarios.includes(s.id)),
    );
    const cells: Cell[] = [];
    const tallies = new Map<string, WriteTally>();
    const writeData = scenarios.some((s) => s.writes) ? await writeFixtures(url) : null;
    // Probes: every request answers without errors, and its SQL statements are counted.
    for (const scenario of scenarios) {
      for (const [target, request] of Object.entries(scenario.requests) as [
        Target,
        (f: Fixtures) => Body,
      ][]) {
        const s = servers.get(target);
        if (!s) continue;
        const headers = target === 'api' ? auth : {};
        const cell: Cell = {
          scenario: scenario.id,
          title: scenario.title,
          target,
          samples: [],
          sqlPerRequest: null,
          statements: [],
          notes: [],
        };
        if (!scenario.writes && !scenario.bulk) {
          const body = request(f);
          await post(s, body, headers);
          if (counter) {
            const counted = await counter.perRequest(3, () => post(s, body, headers));
            cell.sqlPerRequest = counted.perRequest;
            cell.statements = counted.statements;
          }
        }
        cells.push(cell);
      }
    }

    const rssAfterRounds: Results['rssAfterRounds'] = {};
    for (let round = 0; round < options.rounds; round++) {
      for (const scenario of scenarios) {
        const roundCells = cells.filter((c) => c.scenario === scenario.id);
        // Rotate who goes first each round, so no target always runs right after the same neighbour.
        const order = roundCells.map((_, i) => roundCells[(i + round) % roundCells.length]);
        for (const cell of order) {
          const s = servers.get(cell.target)!;
          const headers = cell.target === 'api' ? auth : {};
          if (scenario.bulk) {
            const { sample, note } = await runBulk(scenario.bulk, s, headers, round, databaseCpu);
            cell.samples.push(sample);
            cell.notes.push(
              `round ${round + 1}: ${note}, ${sample.p50} ms, peak RSS ${Math.round(sample.rssPeakBytes / 1048576)} MB`,
            );
            console.log(
              `bench: round ${round + 1} ${cell.scenario} ${note} in ${sample.p50} ms, RSS ${Math.round(sample.rssPeakBytes / 1048576)} MB`,
            );
            // 100,000 new rows: bring the planner's statistics up to date now, as autovacuum would within a minute,
            // so that the next round measures the steady state and not autovacuum at work or plans for a smaller table.
            if (scenario.bulk === 'import') await adminQuery(url, 'VACUUM ANALYZE');
            continue;
          }
          let spec;
          if (scenario.writes) {
            const tally = tallies.get(cell.scenario) ?? {};
            tallies.set(cell.scenario, tally);
            spec = { headers, requests: writeSequence(writeData!.units, writeData!.enterpriseId, tally) };
          } else {
            const body = scenario.requests[cell.target]!(f);
            spec = { headers, path: body.path, body: body.body };
          }
          if (round === 0 && options.warmup > 0)
            await measure(s, spec, options.warmup, options.connections, null);
          const sample = await measure(s, spec, options.duration, options.connections, databaseCpu);
          cell.samples.push(sample);
          console.log(
            `bench: round ${round + 1} ${cell.scenario} ${cell.target.padEnd(12)} ${sample.rps.toFixed(0).padStart(6)} req/s  p99 ${sample.p99} ms  errors ${sample.errors}/${sample.non2xx}  RSS ${Math.round(sample.rssPeakBytes / 1048576)} MB`,
          );
        }
      }
      for (const [target, s] of servers) (rssAfterRounds[target] ??= []).push(s.rssBytes());
    }
    for (const cell of cells.filter((c) => SCENARIOS.find((s) => s.id === c.scenario)?.writes)) {
      cell.notes.push(`answers ${JSON.stringify(tallies.get(cell.scenario) ?? {})}`);
      cell.notes.push(`double-lets after the run: ${await doubleLets(url)}`);
    }

    const results: Results = {
      startedAt,
      options,
      machine:
        `Node ${process.version}, ${cpus().length} cores. The API ran with the image's settings: ` +
        `${Object.entries(productionEnv())
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}.${runtime}`,
      data,
      generateSeconds,
      cells,
      rssAfterRounds,
      skipped,
    };
    console.log('\n' + markdown(results));
    if (options.write) console.log(`bench: written ${writeResults(join(ROOT, 'bench', 'results'), results)}`);
  } finally {
    await counter?.close();
    for (const s of started) await s.stop();
    await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(
      () => undefined,
    );
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
