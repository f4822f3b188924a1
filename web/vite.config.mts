import { defineConfig } from 'vite';

/**
 * The park console. Served by the API at /console (src/console/console.route.ts) from dist/console; `npm run dev:web`
 * runs this dev server with /graphql and /export proxied to the API (API_URL, default http://127.0.0.1:3000).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic' } },
  // The server puts a fresh nonce in place of this placeholder on every index.html (src/console/console.route.ts):
  // Vite stamps it on its tags and in <meta property="csp-nonce">, antd on the <style> tags it injects.
  html: { cspNonce: 'CONSOLE_CSP_NONCE' },
  build: {
    outDir: '../dist/console',
    emptyOutDir: true,
    // No inline scripts (CSP `script-src 'self'`): the module preload polyfill would be inlined.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // antd marks its modules "use client" (for React Server Components): meaningless in this bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': process.env.API_URL ?? 'http://127.0.0.1:3000',
      '/export': process.env.API_URL ?? 'http://127.0.0.1:3000',
    },
  },
});
