import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * Three builds: the Electron shell (main + the backend's utility-process entry), the
 * preload bridge, and the renderer. `funnel serve` serves the same renderer build.
 * Runtime dependencies of main (better-sqlite3, kysely, zod) stay external: they are
 * loaded from node_modules, so the native addon is never bundled.
 */
/** The path aliases of tsconfig.base.json, for every build. */
const alias = {
  '@shared': resolve(__dirname, 'src/shared'),
  '@backend': resolve(__dirname, 'src/main/backend'),
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'backend-host': resolve(__dirname, 'src/main/host.ts'),
          // Large imports run on a worker thread of the backend (see imports/job.ts).
          'import-worker': resolve(__dirname, 'src/main/backend/imports/worker.ts'),
          // A large CRM sync commits its pages on a worker thread (see sync/committer.ts).
          'sync-worker': resolve(__dirname, 'src/main/backend/sync/commit-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot `require` its own chunks: ship it as one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: { '@shared': alias['@shared'] } },
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
      // Minified: the renderer loads in the desktop window and over HTTP in browser mode.
      minify: true,
      chunkSizeWarningLimit: 2500,
    },
  },
});
