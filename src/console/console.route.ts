import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Where the console is served (Vite's `base` in web/vite.config.mts). */
export const CONSOLE_PATH = '/console';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** What Vite writes where the nonce goes (`html.cspNonce` in web/vite.config.mts). */
const NONCE_PLACEHOLDER = 'CONSOLE_CSP_NONCE';

/** The app's CSP with `style-src` narrowed to this origin and the page's nonce. */
export function consolePolicy(policy: string, nonce: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^style-src\b/.test(d));
  return [...directives, `style-src 'self' 'nonce-${nonce}'`].join(';');
}

/** The project root: the nearest folder above this file holding package.json (the repo, or /app in the image). */
function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/** The built console (`npm run build:web` writes it to dist/console). */
export function consoleDir(): string {
  return join(projectRoot(), 'dist', 'console');
}

/** Every file of the build, keyed by its URL path under /console/: nothing outside this list is ever read. */
function listFiles(root: string, dir = root, found = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listFiles(root, path, found);
    else found.set(relative(root, path).split(sep).join('/'), path);
  }
  return found;
}

/**
 * The park console (web/, built by Vite) at /console from the same origin, so it shares sign-in and the CSP of every
 * response (scripts and styles only from 'self'). Hashed assets are cached for a year; index.html is not cached and
 * answers every other path under /console (client-side routes). Without a build, /console says how to make one.
 */
export function registerConsole(fastify: FastifyInstance, root = consoleDir()): void {
  const files = existsSync(root) ? listFiles(root) : new Map<string, string>();
  const index = files.get('index.html');
  const send = (url: string, reply: import('fastify').FastifyReply) => {
    const path = url.split('?')[0].slice(CONSOLE_PATH.length).replace(/^\/+/, '');
    const file = files.get(path);
    if (file && path !== 'index.html') {
      const immutable = path.startsWith('assets/');
      return reply
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .type(TYPES[extname(file)] ?? 'application/octet-stream')
        .send(readFileSync(file));
    }
    if (path.startsWith('assets/') || extname(path)) return reply.code(404).send({ message: 'Not found' });
    if (!index) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The console is not built: run `npm run build` (it builds the API and the console).');
    }
    // A fresh nonce per page: styles only from 'self' or <style> tags carrying it (antd's CSS-in-JS), instead of
    // the 'unsafe-inline' of the app's default policy.
    const nonce = randomBytes(16).toString('base64');
    const policy = String(reply.raw.getHeader('content-security-policy') ?? "default-src 'self'");
    return reply
      .header('cache-control', 'no-store')
      .header('content-security-policy', consolePolicy(policy, nonce))
      .type(TYPES['.html'])
      .send(readFileSync(index, 'utf8').replaceAll(NONCE_PLACEHOLDER, nonce));
  };
  fastify.get(CONSOLE_PATH, (request, reply) => reply.redirect(`${CONSOLE_PATH}/`));
  fastify.get(`${CONSOLE_PATH}/*`, (request, reply) => send(request.url, reply));
}
