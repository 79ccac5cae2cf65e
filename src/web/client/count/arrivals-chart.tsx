import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  LinearScale,
  type Plugin,
  Tooltip,
} from 'chart.js';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Arrivals } from '../../../count/counting.js';
import { api } from '../api.js';
import { ChartCanvas, colour } from '../chart-canvas.js';
import { lang, t } from '../i18n.js';
import { liveUrl } from './live-feed.js';
import { clock, dayMonth, knownZone, number } from './live-format.js';
import { w } from './live-texts.js';

// A station's arrivals per 15 minutes as a stacked bar per door. A quarter hour nobody watched is a gap with a
// hatched band, never a zero bar: "nobody counted" and "nobody came" must not look alike. Quarter hours still to
// come are left off (the server sends only those begun). Times are the station's own clock, as people in its line and its opening hours read them,
// wherever the viewer is.

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const QUARTER_MS = 15 * 60_000;
const DOOR_COLOURS = ['--s0', '--s1', '--s2', '--s3', '--s4'];

/** One quarter hour: its start, and each door's count (null: nobody watched that door). */
interface Slot {
  from: number;
  counts: (number | null)[];
}

interface Shape {
  doors: string[];
  slots: Slot[];
}

/** The main door first, then the others by name. */
function doorOrder(a: string, b: string): number {
  return Number(b === 'main') - Number(a === 'main') || a.localeCompare(b);
}

/** The arrivals as quarter hours, each with every door's count. */
function shape(arrivals: Arrivals): Shape {
  const doors = [...new Set(arrivals.buckets.map((b) => b.door))].sort(doorOrder);
  const slots = new Map<number, Slot>();
  for (const bucket of arrivals.buckets) {
    const from = Date.parse(bucket.from);
    let slot = slots.get(from);
    if (!slot) {
      slot = { from, counts: doors.map(() => null) };
      slots.set(from, slot);
    }
    slot.counts[doors.indexOf(bucket.door)] = bucket.count;
  }
  return { doors, slots: [...slots.values()].sort((a, b) => a.from - b.from) };
}

const unwatched = (slot: Slot) => slot.counts.every((count) => count === null);

/** Whole hours on the axis (of the station's clock: some zones are off by half an hour); Chart.js leaves some
 * out where they would not fit. */
function axisLabel(slots: Slot[], index: number, timeZone: string | undefined): string {
  const slot = slots[index];
  const time = slot ? clock(slot.from, timeZone) : '';
  return time.endsWith(':00') ? time : '';
}

/** Draws a hatched band behind every quarter hour that nobody watched. */
function unwatchedBands(slots: Slot[]): Plugin<'bar'> {
  return {
    id: 'unwatched',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      if (!x || slots.length === 0) return;
      const width = (chartArea.right - chartArea.left) / slots.length;
      ctx.save();
      ctx.fillStyle = colour('--unwatched');
      for (const [index, slot] of slots.entries()) {
        if (!unwatched(slot)) continue;
        ctx.fillRect(
          x.getPixelForValue(index) - width / 2,
          chartArea.top,
          width,
          chartArea.bottom - chartArea.top,
        );
      }
      ctx.restore();
    },
  };
}

function config(data: Shape, timeZone: string | undefined): ChartConfiguration<'bar'> {
  const { doors, slots } = data;
  return {
    type: 'bar',
    data: {
      labels: slots.map((slot) => clock(slot.from, timeZone)),
      datasets: doors.map((door, series) => ({
        label: w('door')(door),
        data: slots.map((slot) => slot.counts[series] ?? null),
        backgroundColor: colour(DOOR_COLOURS[series % DOOR_COLOURS.length] ?? '--s0'),
        categoryPercentage: 1,
        barPercentage: 0.85,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => {
              const slot = slots[items[0]?.dataIndex ?? -1];
              return slot
                ? `${dayMonth(slot.from, timeZone)}, ${clock(slot.from, timeZone)}–${clock(slot.from + QUARTER_MS, timeZone)}`
                : '';
            },
            label: (item) =>
              `${item.dataset.label}: ${item.raw === null ? w('notWatched') : number(Number(item.raw))}`,
          },
        },
      },
      scales: {
        x: {
          stacked: true,
          grid: { display: false },
          ticks: {
            color: colour('--ink'),
            font: { size: 13 },
            maxRotation: 0,
            autoSkip: true,
            autoSkipPadding: 12,
            callback: (_value, index) => axisLabel(slots, index, timeZone),
          },
        },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { color: colour('--ink'), font: { size: 13 }, precision: 0, maxTicksLimit: 6 },
          grid: { color: colour('--line') },
        },
      },
    },
    plugins: [unwatchedBands(slots)],
  };
}

function Table({ data, caption, timeZone }: { data: Shape; caption: string; timeZone: string | undefined }) {
  return (
    <details class="table-view">
      <summary>{t('tableView')}</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{w('time')}</th>
            {data.doors.map((door) => (
              <th scope="col">{w('door')(door)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.slots.map((slot) => (
            <tr>
              <th scope="row">{clock(slot.from, timeZone)}</th>
              {slot.counts.map((count) => (
                <td>{count === null ? w('notWatched') : number(count)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; arrivals: Arrivals };

/** The calendar day of a moment in the station's time zone, as YYYY-MM-DD. */
const dayKey = (at: number, timeZone: string | undefined) =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(
    at,
  );

function DaySwitch({
  days,
  day,
  onChange,
  timeZone,
}: {
  days: Slot[][];
  day: number;
  onChange: (day: number) => void;
  timeZone: string | undefined;
}) {
  return (
    <fieldset class="day-switch">
      <legend class="visually-hidden">{w('chartDay')}</legend>
      {days.map((slots, index) => (
        <button type="button" class="quiet" aria-pressed={index === day} onClick={() => onChange(index)}>
          {dayMonth(slots[0]?.from ?? 0, timeZone)}
        </button>
      ))}
    </fieldset>
  );
}

/**
 * The chart of one station, a day at a time (the latest first). `version` changes when the station's figures
 * do; the arrivals are read again then, which the caller keeps to once per half minute.
 */
export function ArrivalsChart({
  election,
  station,
  timezone,
  version,
  now,
}: {
  election: string;
  station: string;
  /** The station's IANA zone; the browser's own where it does not know it. */
  timezone: string | undefined;
  version: number;
  now: number;
}) {
  const timeZone = knownZone(timezone);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [chosenDay, setChosenDay] = useState<number | null>(null);
  // The chart grows by a quarter hour at a time, so the arrivals are read again when one begins.
  const quarter = Math.floor(now / QUARTER_MS);
  useEffect(() => {
    let current = true;
    const url = `${liveUrl(election)}/stations/${encodeURIComponent(station)}/arrivals`;
    api<Arrivals>('GET', url)
      .catch(() => null)
      .then((reply) => {
        if (!current) return;
        if (reply?.status === 200 && reply.data) setLoaded({ state: 'ready', arrivals: reply.data });
        // A failed refresh keeps the chart already drawn.
        else setLoaded((before) => (before.state === 'ready' ? before : { state: 'failed' }));
      });
    return () => {
      current = false;
    };
  }, [election, station, version, quarter]);

  const arrivals = loaded.state === 'ready' ? loaded.arrivals : null;
  const data = useMemo(() => (arrivals ? shape(arrivals) : null), [arrivals]);
  const days = useMemo(() => {
    const byDay = new Map<string, Slot[]>();
    for (const slot of data?.slots ?? []) {
      const key = dayKey(slot.from, timeZone);
      byDay.set(key, [...(byDay.get(key) ?? []), slot]);
    }
    return [...byDay.values()];
  }, [data, timeZone]);
  const day = Math.min(chosenDay ?? days.length - 1, days.length - 1);
  const shown = useMemo(
    () => (data ? { doors: data.doors, slots: days[day] ?? [] } : null),
    [data, days, day],
  );
  // The doors' names and the tooltips are in the page's language.
  const chart = useMemo(() => (shown ? config(shown, timeZone) : null), [shown, timeZone, lang()]);

  if (loaded.state === 'loading') return <p class="chart-note">…</p>;
  if (loaded.state === 'failed' || !data || !shown || !chart)
    return <p class="chart-note">{t('networkError')}</p>;
  if (data.slots.every(unwatched)) return <p class="chart-note">{w('chartEmpty')}</p>;
  const total = shown.slots.reduce(
    (sum, slot) => sum + slot.counts.reduce<number>((s, c) => s + (c ?? 0), 0),
    0,
  );
  const description = w('chartDesc')(
    station,
    dayMonth(shown.slots[0]?.from ?? now, timeZone),
    number(Math.round(total)),
  );
  return (
    <>
      {days.length > 1 && <DaySwitch days={days} day={day} onChange={setChosenDay} timeZone={timeZone} />}
      <div class="chart-box arrivals-chart">
        <ChartCanvas config={chart} label={description} />
      </div>
      <ul class="legend">
        {data.doors.map((door, series) => (
          <li>
            <span class={`swatch series-${series % DOOR_COLOURS.length}`} aria-hidden="true" />
            {w('door')(door)}
          </li>
        ))}
        <li>
          <span class="swatch unwatched" aria-hidden="true" />
          {w('notWatched')}
        </li>
      </ul>
      <p class="chart-note">
        {timeZone
          ? w('chartZone')(timeZone)
          : w('chartZoneViewer')(Intl.DateTimeFormat().resolvedOptions().timeZone)}
      </p>
      <Table data={shown} caption={description} timeZone={timeZone} />
    </>
  );
}
