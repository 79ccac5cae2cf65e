import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

// The web's own Prometheus registry (not prom-client's global one), so that two apps in one process (tests,
// or the web beside the bot) never register a metric twice. Labels carry route patterns and kinds only:
// never a session id, a path with an id in it, or anything the user typed.

export interface WebMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  practicesStarted: Counter;
  practicesFinished: Counter<'outcome'>;
  dialogueEvents: Counter<'kind'>;
  databaseErrors: Counter;
  countEvents: Counter<'result'>;
  countStreamClients: Gauge;
}

export function createMetrics(): WebMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sobesednik_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'sobesednik_http_requests_total',
      help: 'HTTP requests by route pattern, method and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'sobesednik_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern and method',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    practicesStarted: new Counter({
      name: 'sobesednik_practice_sessions_started_total',
      help: 'Practice sessions with a simulated relative started on the web',
      registers: [registry],
    }),
    practicesFinished: new Counter({
      name: 'sobesednik_practice_sessions_finished_total',
      help: 'Practice sessions finished on the web (with at least one reply), by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    dialogueEvents: new Counter({
      name: 'sobesednik_dialogue_events_total',
      help: 'Dialogue events (text, button, command) handled by the engine for web sessions',
      labelNames: ['kind'],
      registers: [registry],
    }),
    databaseErrors: new Counter({
      name: 'sobesednik_database_errors_total',
      help: 'Database calls that failed',
      registers: [registry],
    }),
    countEvents: new Counter({
      name: 'sobesednik_count_events_total',
      help: "Volunteers' count events received: accepted, or duplicate (a retry of an event already stored)",
      labelNames: ['result'],
      registers: [registry],
    }),
    countStreamClients: new Gauge({
      name: 'sobesednik_count_stream_clients',
      help: 'Open connections to the live counts stream',
      registers: [registry],
    }),
  };
}
