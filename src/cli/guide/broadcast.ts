import { Api } from 'grammy';
import { type Config, ConfigError, readConfig } from '../../app/config.js';
import { cityNamer } from '../../app/reminders.js';
import { electionStations } from '../../app/stations.js';
import { loadCatalogue } from '../../catalogue/load.js';
import { databaseUrlFromEnv } from '../../store/config.js';
import { dataDirFor, parseDatabaseUrl } from '../../store/database-url.js';
import { chatSealer } from '../../store/sealed-chat.js';
import { loadSecret } from '../../store/user-key.js';
import {
  type BroadcastReport,
  broadcast,
  previewBroadcast,
  type SlotPreview,
  TELEGRAM_MESSAGES_PER_SECOND,
} from '../../telegram/guide/broadcast.js';
import { telegramFetch } from '../../telegram/telegram-fetch.js';
import { parse, printJson, UsageError } from '../command.js';
import { table, withStore } from '../stats-command.js';

// `sobesednik guide broadcast --election ID [--dry-run] [--json] [--at ISO-TIME]`: sends the reminders due now
// (issue 20) and exits; run it every few minutes around voting days (cron, a systemd timer), or let the running
// bot do it. SIGTERM or SIGINT stops it after the message in flight, recorded, so a rerun goes on from there.

export const BROADCAST_USAGE =
  'guide broadcast --election ID [--dry-run] [--at ISO-TIME] [--rate N] [--in-flight N] [--json]';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function wholeNumber(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not '${value}'`);
  return number;
}

export async function broadcastCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    election: { type: 'string' },
    'dry-run': { type: 'boolean' },
    at: { type: 'string' },
    rate: { type: 'string' },
    'in-flight': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`usage: sobesednik ${BROADCAST_USAGE}`);
  if (!values.election)
    throw new UsageError(`which election? give --election ID: usage: sobesednik ${BROADCAST_USAGE}`);
  let now = new Date();
  if (values.at !== undefined) {
    now = new Date(values.at);
    if (!ISO_TIME.test(values.at) || Number.isNaN(now.getTime()))
      throw new UsageError(
        `--at must be an ISO time with its zone, such as 2024-03-16T17:30Z, not '${values.at}'`,
      );
  }
  // Above Telegram's limit only for a local Bot API server (tests, benchmarks).
  const rate = wholeNumber('rate', values.rate, TELEGRAM_MESSAGES_PER_SECOND, 100_000);
  const inFlight = wholeNumber('in-flight', values['in-flight'], 1, 100);
  const dryRun = values['dry-run'] === true;
  const json = values.json === true;
  let config: Config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  if (!dryRun && !config.TELEGRAM_BOT_TOKEN)
    throw new UsageError(
      'TELEGRAM_BOT_TOKEN is not set: the reminders go out through the bot (or use --dry-run)',
    );
  const catalogue = loadCatalogue();
  const cityName = cityNamer(catalogue.cities);

  return withStore(json, async (store) => {
    const elections = [...catalogue.elections, ...(await store.count.addedElections())];
    const election = elections.find((candidate) => candidate.id === values.election);
    if (!election)
      throw new UsageError(
        `unknown election '${values.election}' (known: ${[...new Set(elections.map((e) => e.id))].join(', ')})`,
      );
    const stations = await electionStations(store.count, catalogue, election.id);
    const common = { storage: store.guide, election: election.id, stations, now, cityName };
    if (dryRun) {
      const previews = await previewBroadcast(common);
      if (json) printJson({ election: election.id, at: now.toISOString(), dryRun: true, slots: previews });
      else process.stdout.write(`${renderPreview(election.id, now, stations.length, previews)}\n`);
      return 0;
    }
    const url = databaseUrlFromEnv(process.env);
    const { secret } = loadSecret({ env: process.env, dataDir: dataDirFor(parseDatabaseUrl(url)) });
    const sealer = chatSealer(secret);
    const api = new Api(config.TELEGRAM_BOT_TOKEN ?? '', {
      ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT.replace(/\/+$/, '') } : {}),
      timeoutSeconds: 30,
      fetch: telegramFetch,
    });
    // A stop lets the message in flight finish and be recorded; a second signal is Node's immediate exit.
    const stop = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      if (!json) process.stderr.write(`sobesednik: ${signal}: finishing the message in flight\n`);
      stop.abort();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    try {
      const report = await broadcast({
        ...common,
        api,
        openChat: (key, sealed) => sealer.open(key, sealed),
        messagesPerSecond: rate,
        inFlight,
        signal: stop.signal,
      });
      if (json) printJson({ election: election.id, at: now.toISOString(), ...report });
      else process.stdout.write(`${renderReport(election.id, now, report)}\n`);
      return 0;
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
  });
}

function unsubscribed(slots: number): string[] {
  return slots > 0 ? [`(${slots} more due at stations with nobody left to remind)`] : [];
}

function renderPreview(election: string, now: Date, stations: number, previews: SlotPreview[]): string {
  if (stations === 0) return `${election} has no stations: no reminders`;
  if (previews.length === 0) return `${election}: no reminder is due at ${now.toISOString()} (dry run)`;
  const wanted = previews.filter((p) => p.sample);
  const rows = wanted.map((p) => [p.station, p.slot, p.at, p.pending.ru ?? 0, p.pending.en ?? 0]);
  const lines = [
    `${election}: reminders due at ${now.toISOString()} (dry run: nothing sent)`,
    '',
    ...(rows.length > 0
      ? table([['station', 'slot', 'due at (UTC)', 'ru', 'en'], ...rows])
      : ['nobody is waiting for them']),
    ...unsubscribed(previews.length - wanted.length),
  ];
  for (const p of wanted) {
    if (!p.sample) continue;
    lines.push(
      '',
      `— ${p.station} ${p.slot}, ${p.sample.lang}:`,
      ...p.sample.text.split('\n').map((l) => `  ${l}`),
    );
  }
  return lines.join('\n');
}

function renderReport(election: string, now: Date, report: BroadcastReport): string {
  if (report.slots.length === 0) return `${election}: no reminder is due at ${now.toISOString()}`;
  const busy = report.slots.filter((s) => s.sent + s.blocked + s.failed > 0);
  const rows = busy.map((s) => [s.station, s.slot, s.sent, s.blocked, s.failed]);
  const lines = [
    `${election}: reminders due at ${now.toISOString()}${report.stopped ? ' (stopped; run again to go on)' : ''}`,
    '',
    ...(rows.length > 0 ? table([['station', 'slot', 'sent', 'blocked', 'failed'], ...rows]) : []),
    ...unsubscribed(report.slots.length - busy.length),
    '',
    `sent ${report.sent}, blocked ${report.blocked}, failed ${report.failed} (tried again next run), ` +
      `429s waited out ${report.tooManyRequests}, left in doubt by an earlier kill ${report.inDoubt}`,
  ];
  return lines.join('\n');
}
