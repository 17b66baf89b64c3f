// Vite builds the SPA into dist/web, which the Fastify server serves with an SPA fallback.
// No React plugin: Vite 8 (oxc) compiles TSX with the automatic JSX runtime by itself, and the
// server only ever serves production builds, so Fast Refresh is not needed.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      // react-router marks its modules "use client" (for React Server Components); meaningless in an SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npx vite --config src/web/vite.config.ts` for UI work against a running `npm start`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
