import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The browser pages: one entry per page, built into dist/web/static where the server reads them by exact
// name (static-files.ts), so names stay unhashed; the server's ETag revalidation does the cache busting.

const client = fileURLToPath(new URL('./src/web/client/', import.meta.url));

export default defineConfig({
  root: client,
  base: '/static/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('./dist/web/static/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // One style sheet for every page, as before.
    cssCodeSplit: false,
    rolldownOptions: {
      input: {
        app: `${client}index.html`,
        stats: `${client}stats.html`,
        admin: `${client}admin.html`,
      },
      output: {
        entryFileNames: '[name].js',
        // What two or more pages use (Preact, the words, the language switch) goes into one shared.js.
        codeSplitting: { groups: [{ name: 'shared', minShareCount: 2 }] },
        chunkFileNames: '[name].js',
        assetFileNames: '[name][extname]',
      },
    },
  },
});
