import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The dashboard's build: `npm run build` writes it to dist/apps/analytics-service/public, which the service serves at /dashboard. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/dashboard/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../dist/apps/analytics-service/public', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
