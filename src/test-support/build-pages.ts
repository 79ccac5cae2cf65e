import { fileURLToPath } from 'node:url';
import { build } from 'vite';

// Vitest's global setup: the server serves the pages from dist/web/static, so they are built from their
// sources before any test runs, and no test ever sees a stale bundle.

export async function setup(): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    mode: 'production',
  });
}
