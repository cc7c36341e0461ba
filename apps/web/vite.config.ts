import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where /api is forwarded in development and preview; `API_URL` overrides it. */
const apiUrl = process.env['API_URL'] ?? 'http://localhost:3000';

const apiProxy = {
  '/api': { target: apiUrl, changeOrigin: false, xfwd: true },
};

export default defineConfig({
  root: projectRoot,
  cacheDir: `${workspaceRoot}node_modules/.vite/apps/web`,
  plugins: [react()],
  resolve: {
    alias: {
      '@accord/raci': `${workspaceRoot}libs/raci/src/index.ts`,
    },
  },
  server: {
    host: 'localhost',
    port: 4200,
    strictPort: true,
    proxy: apiProxy,
  },
  preview: {
    host: 'localhost',
    port: 4300,
    proxy: apiProxy,
  },
  build: {
    outDir: `${workspaceRoot}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // React and Mantine are on every page and change less often than the app: their own chunks
        // stay cached across deploys. Other libraries are left to the bundler, which puts each one
        // with the pages that use it: one catch-all vendor chunk made every page, sign-in
        // included, download luxon, zod, dnd-kit and the virtualizer.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 30,
            },
            {
              name: 'mantine',
              test: /[\\/]node_modules[\\/]@mantine[\\/]/,
              priority: 20,
            },
            // Left to itself the bundler made a chunk of each icon and small shared module that
            // routes use in different combinations: the matrix page loaded 38 files, and over
            // HTTP/1.1 (six connections) a first visit waited for them in rounds. All icons together
            // are 6 kB gzip; the app's shared components and lib go with the entry.
            {
              name: 'icons',
              test: /[\\/]node_modules[\\/]@tabler[\\/]icons-react[\\/]/,
              priority: 10,
            },
            {
              name: 'common',
              test: /[\\/]apps[\\/]web[\\/]src[\\/](components|lib)[\\/]/,
              priority: 8,
            },
          ],
        },
      },
    },
  },
  test: {
    name: 'web',
    root: projectRoot,
    environment: 'node',
    include: ['src/**/*.spec.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
