import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The browser pages: every HTML file in src/web/client is an entry (a new page is a new file), built into
// dist/web/static where the server reads them by exact name (static-files.ts), so names stay unhashed; the
// server's ETag revalidation does the cache busting.

const client = fileURLToPath(new URL('./src/web/client/', import.meta.url));
/** The practice page's script has always been /static/app.js; the others are named after their page. */
const entryName = (page: string) => (page === 'index' ? 'app' : page);
const pages = readdirSync(client)
  .filter((file) => file.endsWith('.html'))
  .map((file) => file.slice(0, -'.html'.length));

export default defineConfig({
  root: client,
  base: '/static/',
  logLevel: 'warn',
  // Never the development JSX, which would write source paths into the bundle (Vitest runs with NODE_ENV=test).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
  build: {
    outDir: fileURLToPath(new URL('./dist/web/static/', import.meta.url)),
    emptyOutDir: true,
    // One style sheet for every page, as before.
    cssCodeSplit: false,
    rolldownOptions: {
      input: Object.fromEntries(pages.map((page) => [entryName(page), `${client}${page}.html`])),
      output: {
        entryFileNames: '[name].js',
        // What two or more pages use (Preact, the words, the language switch) goes into one shared.js; Chart.js,
        // shared by the chart pages only, into charts.js, so that the practice page does not load it.
        codeSplitting: {
          groups: [
            {
              name: 'charts',
              test: /node_modules[\\/](chart\.js|@kurkle)[\\/]|chart-canvas/,
              // Preact, which chart-canvas imports, stays in shared.js.
              includeDependenciesRecursively: false,
              minShareCount: 2,
              priority: 1,
            },
            { name: 'shared', minShareCount: 2 },
          ],
        },
        chunkFileNames: '[name].js',
        assetFileNames: '[name][extname]',
      },
    },
  },
});
