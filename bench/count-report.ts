import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openingWindows } from '../src/count/buckets.js';
import type { StoredEvent } from '../src/count/events.js';
import { createResults } from '../src/count/results.js';
import { openStore } from '../src/store/open-store.js';
import { BENCH_ANSWERS, benchElection, benchStations } from './count-fixture.js';

// The report after the polls close, on SQLite: `stations` stations, two volunteers each on one shift over a whole
// day, `entries` taps shared between them, `answers` exit-poll answers sent as the counter sends them. The figure
// is the median of a few reports after a first one (which also warms SQLite's page cache), beside the bare
// baseline of only reading the election's event rows.

export interface ReportBenchOptions {
  stations: number;
  entries: number;
  answers: number;
  runs?: number;
}

export interface ReportBenchResult {
  reportMs: number;
  /** This process's CPU time for the same report: what a loaded machine's wall time hides. */
  reportCpuMs: number;
  firstReportMs: number;
  /** The open data (every table, as objects) from the same database, median like the report's. */
  exportMs: number;
  /** The bare baseline: better-sqlite3 reading the election's event rows as plain objects, nothing computed. */
  readRowsMs: number;
  fillSeconds: number;
}

const event = (kind: StoredEvent['kind'], at: number, extra: Partial<StoredEvent> = {}): StoredEvent => ({
  id: randomUUID(),
  kind,
  at,
  door: kind === 'exitpoll' ? null : 'main',
  people: null,
  waitMinutes: null,
  target: null,
  answer: null,
  gender: null,
  age: null,
  flagged: false,
  ...extra,
});

export async function measureReport(options: ReportBenchOptions): Promise<ReportBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-bench-report-'));
  const url = `sqlite:${path.join(dir, 'report.db')}`;
  try {
    const started = performance.now();
    const election = benchElection();
    const stations = benchStations(election, options.stations);
    let store = await openStore(url);
    await store.count.saveElection(election);
    await store.count.importStations(election.id, stations);
    for (const [i, station] of stations.entries()) {
      // The middle day's window in the station's own zone: the shift and every event fall inside it.
      const window = openingWindows(station)[1];
      if (!window) throw new Error('bench: the election has no middle day');
      const span = window.to - window.from;
      const share = (total: number) =>
        Math.floor(total / stations.length) + (i < total % stations.length ? 1 : 0);
      const codes = await store.count.createInvites({
        election: election.id,
        station: station.station,
        role: 'volunteer',
        expiresAt: Date.now() + 86_400_000,
        n: 2,
      });
      const taps = share(options.entries);
      for (const [v, code] of codes.entries()) {
        const joined = await store.count.redeemInvite(code, Date.now());
        if (!joined.ok) throw new Error('bench: a fresh invite was refused');
        const mine = Math.floor(taps / 2) + (v === 0 ? taps % 2 : 0);
        const events = [
          event('shift-start', window.from),
          ...Array.from({ length: mine }, (_, k) =>
            event('entry', window.from + Math.floor(((k + 0.5) * span) / mine)),
          ),
          event('shift-end', window.to),
        ];
        if (v === 0) {
          const answers = share(options.answers);
          for (let k = 0; k < answers; k++)
            events.push(
              event('exitpoll', window.from + Math.floor(((k + 0.5) * span) / answers), {
                answer: BENCH_ANSWERS[k % BENCH_ANSWERS.length] ?? 'declined',
              }),
            );
        }
        for (let k = 0; k < events.length; k += 5000)
          await store.count.addEvents(joined.joined, events.slice(k, k + 5000), Date.now());
      }
      await store.count.importOfficial(election.id, [
        {
          station: station.station,
          ballots: taps,
          votes: { first: Math.floor(taps / 2), second: Math.floor(taps / 3) },
        },
      ]);
    }
    await store.close();
    const fillSeconds = (performance.now() - started) / 1000;

    // A fresh process's view: the database opened anew, nothing cached.
    store = await openStore(url);
    const results = createResults({
      counting: { election: async () => election },
      storage: store.count,
      pseudonym: (id, label) => `${id}:${label}`,
    });
    const cpu: number[] = [];
    const time = async () => {
      const t = performance.now();
      const used = process.cpuUsage();
      const report = await results.report(election.id, { privileged: true });
      if (report?.stations.length !== options.stations) throw new Error('bench: the report lacks stations');
      const { user, system } = process.cpuUsage(used);
      cpu.push((user + system) / 1000);
      return performance.now() - t;
    };
    const firstReportMs = await time();
    cpu.length = 0;
    const runs: number[] = [];
    for (let r = 0; r < (options.runs ?? 3); r++) runs.push(await time());
    runs.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const exports: number[] = [];
    for (let r = 0; r < (options.runs ?? 3); r++) {
      const t = performance.now();
      const data = await results.export(election.id, { privileged: true });
      if (data?.tables.stations.length !== options.stations)
        throw new Error('bench: the export lacks stations');
      exports.push(performance.now() - t);
    }
    exports.sort((a, b) => a - b);
    await store.close();

    const sqlite = new Database(path.join(dir, 'report.db'), { readonly: true });
    const read = sqlite.prepare('select * from count_events where election = ?');
    const reads: number[] = [];
    for (let r = 0; r < (options.runs ?? 3); r++) {
      const t = performance.now();
      read.all(election.id);
      reads.push(performance.now() - t);
    }
    sqlite.close();
    reads.sort((a, b) => a - b);
    return {
      exportMs: Math.round(exports[exports.length >> 1] ?? Number.NaN),
      readRowsMs: Math.round(reads[reads.length >> 1] ?? Number.NaN),
      reportMs: Math.round(runs[runs.length >> 1] ?? Number.NaN),
      reportCpuMs: Math.round(cpu[cpu.length >> 1] ?? Number.NaN),
      firstReportMs: Math.round(firstReportMs),
      fillSeconds: Math.round(fillSeconds),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
