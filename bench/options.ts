import { Scale } from './generate';
import { Target, TARGETS } from './scenarios';

export interface BenchOptions {
  scale: Scale;
  seed: number;
  rounds: number;
  /** Seconds of measured load per scenario, target and round. */
  duration: number;
  /** Seconds of unmeasured load before the first round of each scenario and target. */
  warmup: number;
  connections: number;
  poolSize: number;
  scenarios: string[] | null;
  targets: Target[];
  /** Peers that cannot be installed or started are left out instead of failing the run (smoke mode). */
  peersOptional: boolean;
  /** What changed since the previous run, recorded with the results. */
  label: string;
  mode: 'full' | 'quick' | 'smoke';
  /** Where results go (bench/results); nothing is written with --no-write. */
  write: boolean;
}

const HELP = `npm run bench -- [--quick | --smoke] [options]
  (default)        park scale, 3 interleaved rounds of 20 s after a 5 s warm-up, 10 connections
  --quick          park scale, 1 round of 3 s after 1 s of warm-up (under two minutes)
  --smoke          tiny scale, 1 round of 1 s, peers optional (seconds; checks that the suite still runs)
  --scale park|platform|tiny   data set (platform: 50 more parks, 100,000 units; adds S7)
  --seed N         data generator seed (1)
  --rounds N --duration S --warmup S --connections N --pool N
  --only S1,S2     scenarios to run        --targets api,postgraphile,raw
  --label "text"   what changed, recorded with the results
  --no-write       print only
  Env: BENCH_SERVER_URL = an admin URL of a PostgreSQL server with pg_stat_statements preloaded
       (default: a throwaway embedded server started with it).`;

export function parseOptions(argv: string[]): BenchOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}\n${HELP}`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      flags.set(arg.slice(2), next);
      i++;
    } else flags.set(arg.slice(2), true);
  }
  if (flags.has('help')) {
    console.log(HELP);
    process.exit(0);
  }
  const mode = flags.has('smoke') ? 'smoke' : flags.has('quick') ? 'quick' : 'full';
  const base = {
    full: { scale: 'park' as Scale, rounds: 3, duration: 20, warmup: 5 },
    quick: { scale: 'park' as Scale, rounds: 1, duration: 3, warmup: 1 },
    smoke: { scale: 'tiny' as Scale, rounds: 1, duration: 1, warmup: 0.5 },
  }[mode];
  const num = (name: string, fallback: number) => {
    const v = flags.get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  const list = (name: string) => {
    const v = flags.get(name);
    return typeof v === 'string' ? v.split(',').map((s) => s.trim()) : null;
  };
  const scale = (flags.get('scale') ?? base.scale) as Scale;
  if (!['park', 'platform', 'tiny'].includes(scale)) throw new Error(`--scale park|platform|tiny\n${HELP}`);
  const targets = (list('targets') ?? TARGETS) as Target[];
  for (const t of targets) if (!TARGETS.includes(t)) throw new Error(`Unknown target ${t}`);
  const known = new Set(['smoke', 'quick', 'scale', 'seed', 'rounds', 'duration', 'warmup', 'connections']);
  for (const k of ['pool', 'only', 'targets', 'label', 'no-write']) known.add(k);
  for (const k of flags.keys()) if (!known.has(k)) throw new Error(`Unknown option --${k}\n${HELP}`);
  const label = flags.get('label');
  return {
    scale,
    seed: num('seed', 1),
    rounds: num('rounds', base.rounds),
    duration: num('duration', base.duration),
    warmup: num('warmup', base.warmup),
    connections: num('connections', 10),
    poolSize: num('pool', 20),
    scenarios: list('only'),
    targets,
    peersOptional: mode === 'smoke',
    label: typeof label === 'string' ? label : '',
    mode,
    write: !flags.has('no-write'),
  };
}
