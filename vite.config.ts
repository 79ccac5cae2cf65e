import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The browser pages: every HTML file in src/web/client is an entry (a new page is a new file), built into
// dist/web/static where the server reads them by exact name (static-files.ts), so names stay unhashed; the
// server's ETag revalidation does the cache busting.

const client = fileURLToPath(new URL('./src/web/client/', import.meta.url));
/** The practice page's script has always been /static/app.js; the others are named after their page. */
const entryName = (page: string) => (page === 'index' ? 'app' : page);
/** What the volunteer's counter needs to open offline; the service worker keeps these (count/sw/). */
const COUNTER_FILES = ['counter.html', 'counter.js', 'shared.js', 'style.css', 'icon.svg'];
const pages = readdirSync(client)
  .filter((file) => file.endsWith('.html'))
  .map((file) => file.slice(0, -'.html'.length));

export default defineConfig({
  root: client,
  base: '/static/',
  logLevel: 'warn',
  // Never the development JSX, which would write source paths into the bundle (Vitest runs with NODE_ENV=test).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
  plugins: [
    // Only the counter works offline. Workbox's injectManifest writes the list of its files, with a hash of each
    // for a revision, into the worker, which the server serves at /count/sw.js so that its scope is /count/.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'count/sw',
      filename: 'counter-sw.ts',
      injectRegister: false,
      manifest: false,
      scope: '/count/',
      // Workbox's debug logging is dropped by NODE_ENV=production, which Vitest sets to "test": the worker is
      // built as it ships whoever builds it.
      integration: {
        configureCustomSWViteBuild(options) {
          options.define = { ...options.define, 'process.env.NODE_ENV': JSON.stringify('production') };
          options.logLevel = 'warn';
        },
      },
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: COUNTER_FILES,
        // The files are served under /static/, and the page at its own address rather than as a file.
        manifestTransforms: [
          (entries) => ({
            manifest: entries.map((entry) => ({
              ...entry,
              url: entry.url === 'counter.html' ? '/count/counter' : `/static/${entry.url}`,
            })),
            warnings: [],
          }),
        ],
      },
    }),
  ],
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
            // The counter loads it only when a coordinator makes an invite (count/qr.ts).
            { name: 'qrcode', test: /node_modules[\\/](qrcode|dijkstrajs)[\\/]/, priority: 1 },
            { name: 'shared', minShareCount: 2 },
          ],
        },
        chunkFileNames: '[name].js',
        assetFileNames: '[name][extname]',
      },
    },
  },
});
