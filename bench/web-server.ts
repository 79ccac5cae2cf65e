// The web server for `bench/web-load.ts`, in its own process so that the load generator does not share its core.
// Prints its URL on the first line of stdout; stops on SIGTERM. Rate limits are lifted: the load is the point.
import { startServices } from '../src/app/services.js';
import { serveWeb } from '../src/web/server.js';

const services = await startServices();
const unlimited = Number.MAX_SAFE_INTEGER;
const web = await serveWeb(services, {
  limits: {
    eventsPerMinute: unlimited,
    sessionsPerMinute: unlimited,
    statelessPerMinute: unlimited,
    countJoinsPerMinute: unlimited,
    countBatchesPerSecond: unlimited,
  },
});
process.stdout.write(`${web.url}\n`);
process.once('SIGTERM', async () => {
  await web.close();
  await services.close();
  process.exit(0);
});
