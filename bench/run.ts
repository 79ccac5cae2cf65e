// npm run bench [-- --users N --messages N --iterations N --soak --only PART …]: prints tables and writes
// bench/results.json (git-ignored). Issue 9's figures: matcher, coach and engine on one core; the bot end to end on
// SQLite, on PostgreSQL when DATABASE_URL or TEST_DATABASE_URL names one, and a bare grammY echo bot in the same
// harness; the web API under autocannon. --soak adds the fault run (429s and re-deliveries). Issue 18's count.*:
// volunteers' events over HTTP beside a bare Hono endpoint, and the live stream's fan-out to many readers; issue 19's
// count.report_ms: the report for 300 stations, 400,000 entries and 100,000 answers on SQLite.
// Issue 20's guide.broadcast_*: reminders to --broadcast N subscribers (default 1,000) through the local Bot API
// server that allows 30 messages a second, against the floor N ÷ 30 s, and after a kill and restart half-way.
// --only bot|web|count|guide|core runs one part (results.json then holds that part's keys).
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type BotLoadResult, measureBot } from './bot-load.js';
import { measureCount } from './count-load.js';
import { measureReport } from './count-report.js';
import { measureBroadcast } from './guide-broadcast.js';
import { measureMatcherAndCoach } from './measure.js';
import { measureWeb } from './web-load.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '20000' },
    messages: { type: 'string', default: '5' },
    rate: { type: 'string', default: '1000' },
    iterations: { type: 'string', default: '20000' },
    soak: { type: 'boolean', default: false },
    only: { type: 'string' },
    'count-seconds': { type: 'string', default: '10' },
    'count-sse-clients': { type: 'string', default: '5000' },
    'count-sse-rate': { type: 'string', default: '100' },
    broadcast: { type: 'string', default: '1000' },
  },
});
const PARTS = ['bot', 'web', 'count', 'guide', 'core'];
if (values.only !== undefined && !PARTS.includes(values.only)) {
  console.error(`bench: --only must be one of ${PARTS.join(', ')}`);
  process.exit(1);
}
const wants = (part: string) => values.only === undefined || values.only === part;
const count = (name: string, value: string | undefined) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    console.error(`bench: --${name} must be a positive whole number`);
    process.exit(1);
  }
  return number;
};
const users = count('users', values.users);
const messages = count('messages', values.messages);
const rate = count('rate', values.rate);
const iterations = count('iterations', values.iterations);
const countSeconds = count('count-seconds', values['count-seconds']);
const sseClients = count('count-sse-clients', values['count-sse-clients']);
const sseRate = count('count-sse-rate', values['count-sse-rate']);
const broadcastSubscribers = count('broadcast', values.broadcast);
const results: Record<string, number | null> = {};

/** A PostgreSQL schema of its own for the run, dropped afterwards. */
async function withPostgresSchema<T>(url: string, run: (schemaUrl: string) => Promise<T>): Promise<T> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create schema ${schema}`);
  try {
    const separator = url.includes('?') ? '&' : '?';
    return await run(`${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  } finally {
    await client.query(`drop schema ${schema} cascade`);
    await client.end();
  }
}

const botRows: Record<string, Omit<BotLoadResult, 'bot'>> = {};
function row(name: string, result: BotLoadResult) {
  const { bot: _bot, ...rest } = result;
  botRows[name] = rest;
}

if (wants('bot')) {
  console.log(`bot: ${users} users × ${messages} updates, saturating, then ${rate} updates/s offered`);
  const echo = await measureBot({ bot: 'echo', users, messages });
  row('echo, saturated', echo);
  const sqlite = await measureBot({ bot: 'sobesednik', users, messages });
  row('sqlite, saturated', sqlite);
  const sqliteAtRate = await measureBot({ bot: 'sobesednik', users, messages, rate });
  row(`sqlite, ${rate}/s offered`, sqliteAtRate);
  const postgresUrl = [process.env.DATABASE_URL, process.env.TEST_DATABASE_URL].find((url) =>
    /^postgres(ql)?:/.test(url ?? ''),
  );
  if (postgresUrl) {
    const postgres = await withPostgresSchema(postgresUrl, (databaseUrl) =>
      measureBot({ bot: 'sobesednik', users, messages, databaseUrl }),
    );
    row('postgres, saturated', postgres);
    results['bot.postgres.updates_per_s'] = postgres.updatesPerS;
    results['bot.postgres.p99_ms'] = postgres.p99Ms;
  }
  console.table(botRows);
  results['bot.echo.updates_per_s'] = echo.updatesPerS;
  results['bot.sqlite.updates_per_s'] = sqlite.updatesPerS;
  results['bot.sqlite.saturated_p99_ms'] = sqlite.p99Ms;
  results['bot.sqlite.p99_ms'] = sqliteAtRate.p99Ms;
  results['bot.sqlite.offered_per_s'] = rate;
  results['bot.ratio_vs_echo'] = Math.round((sqlite.updatesPerS / echo.updatesPerS) * 100) / 100;
  results['bot.echo.main_cpu_us'] = echo.botMainCpuUs;
  results['bot.sqlite.main_cpu_us'] = sqlite.botMainCpuUs;
  results['bot.sqlite.cpu_us'] = sqlite.botCpuUs;
  results['bot.peak_rss_mb'] = Math.max(sqlite.peakRssMb, sqliteAtRate.peakRssMb);

  if (values.soak) {
    console.log(`\nsoak: ${users} users × 10 updates, 1% re-delivered, a 429 after 1% of updates`);
    const soak = await measureBot({
      bot: 'sobesednik',
      users,
      messages: 10,
      faults: { redeliverShare: 0.01, tooManyRequestsShare: 0.01 },
    });
    console.table({ soak: soak });
    results['soak.missing'] = soak.missing;
    results['soak.duplicates'] = soak.duplicates;
    results['soak.rss_mid_mb'] = soak.rssMidMb;
    results['soak.rss_end_mb'] = soak.rssEndMb;
  }
}

if (wants('web')) {
  console.log('\nweb: 2,000 sessions, autocannon with 50 connections for 10 s');
  const web = await measureWeb({ sessions: 2000, seconds: 10, connections: 50 });
  console.table({ web });
  results['web.sessions_per_s'] = web.sessionsPerS;
  results['web.events_per_s'] = web.eventsPerS;
  results['web.p99_ms'] = web.p99Ms;
  results['web.errors'] = web.errors;
}

if (wants('count')) {
  console.log(
    `\ncount: 300 stations, 2,000 volunteers, batches of 1–20 events for ${countSeconds} s; ` +
      `then ${sseClients} live-stream readers while ${sseRate} events/s flow`,
  );
  const counted = await measureCount({
    stations: 300,
    volunteers: 2000,
    seconds: countSeconds,
    connections: 32,
    offeredEventsPerS: 5000,
    sseClients,
    sseSeconds: 30,
    sseEventsPerS: sseRate,
  });
  console.table({ count: counted });
  results['count.events_per_s'] = counted.eventsPerS;
  results['count.p99_ms'] = counted.p99Ms;
  results['count.offered_events_per_s'] = counted.offeredEventsPerS;
  results['count.saturated_p99_ms'] = counted.saturatedP99Ms;
  results['count.bare_events_per_s'] = counted.bareEventsPerS;
  results['count.ratio_vs_bare'] = counted.ratioVsBare;
  results['count.cpu_us_per_event'] = counted.cpuUsPerEvent;
  results['count.errors'] = counted.errors;
  results['count.peak_rss_mb'] = counted.peakRssMb;
  results['count.fanout_p99_ms'] = counted.fanoutP99Ms;
  results['count.fanout_samples'] = counted.fanoutSamples;
  results['count.sse_clients'] = sseClients;
  results['count.sse_events_per_s'] = sseRate;
  results['count.sse_missed'] = counted.sseMissed;
  results['count.sse_closed'] = counted.sseClosed;
  results['count.sse_server_exited'] = counted.sseServerExited ? 1 : 0;
  results['count.sse_rss_mb'] = counted.sseRssMb;

  console.log('\ncount report: 300 stations, 400,000 entries, 100,000 exit-poll answers on SQLite');
  const report = await measureReport({ stations: 300, entries: 400_000, answers: 100_000 });
  console.table({ report });
  results['count.report_ms'] = report.reportMs;
  results['count.report_cpu_ms'] = report.reportCpuMs;
  results['count.report_first_ms'] = report.firstReportMs;
  results['count.report_bare_read_rows_ms'] = report.readRowsMs;
  results['count.export_ms'] = report.exportMs;
}

if (wants('guide')) {
  console.log(
    `\nguide broadcast: reminders to ${broadcastSubscribers} subscribers at 30 messages/s (429 above), ` +
      'clean, then killed half-way (SIGKILL, SIGTERM) and restarted',
  );
  const broadcast = await measureBroadcast({ subscribers: broadcastSubscribers });
  console.table({ broadcast });
  results['guide.broadcast_subscribers'] = broadcast.subscribers;
  results['guide.broadcast_seconds'] = broadcast.seconds;
  results['guide.broadcast_floor_seconds'] = broadcast.floorSeconds;
  results['guide.broadcast_ratio_to_floor'] = broadcast.ratioToFloor;
  results['guide.broadcast_messages_per_s'] = broadcast.messagesPerS;
  results['guide.broadcast_429s'] = broadcast.tooManyRequests;
  results['guide.broadcast_command_seconds'] = broadcast.commandSeconds;
  results['guide.broadcast_kill_duplicates'] = broadcast.killDuplicates;
  results['guide.broadcast_kill_missing'] = broadcast.killMissing;
  results['guide.broadcast_kill_in_doubt'] = broadcast.killInDoubt;
  results['guide.broadcast_term_duplicates'] = broadcast.termDuplicates;
  results['guide.broadcast_term_missing'] = broadcast.termMissing;
  results['guide.broadcast_term_in_doubt'] = broadcast.termInDoubt;
}

// Last: the matcher and the coach run in this process, the one that also plays Telegram for the bots, and when
// they ran first the bot's saturated runs that followed came out lower (0.39–0.52 of the echo bot against
// 0.50–0.59 with nothing before them); whatever they leave behind, the servers are measured without it.
if (wants('core')) {
  console.log(`\ncore: ${iterations} iterations`);
  const core = measureMatcherAndCoach(iterations);
  console.table(
    Object.fromEntries(Object.entries(core).map(([key, m]) => [key, { value: m.value, unit: m.unit }])),
  );
  for (const [key, m] of Object.entries(core)) results[key] = m.value;
}

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
const run = { date: new Date().toISOString(), node: process.version, users, messages, iterations };
writeFileSync(file, `${JSON.stringify({ ...run, ...results }, null, 2)}\n`);
console.log(`written: ${path.relative(process.cwd(), file)}`);
