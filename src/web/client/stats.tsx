import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { render } from 'preact';
import { api, refusal } from './api.js';
import { ChartCanvas, colour } from './chart-canvas.js';
import { byId } from './dom.js';
import { lang, onLangChange, setupLangSwitch, t } from './i18n.js';

// The statistics page: charts of /api/stats (anonymous daily counters only), each with an HTML legend and a
// table beside it for screen readers and for exact numbers.

// Only what these two charts draw, so the bundle leaves the rest of Chart.js out.
Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
);

const OUTCOMES = ['opened', 'closed', 'stopped', 'limit'] as const;
type Outcome = (typeof OUTCOMES)[number];
const OUTCOME_COLOURS: Record<Outcome, string> = {
  opened: '--warm',
  closed: '--hurt',
  stopped: '--neutral',
  limit: '--s3',
};
const SERIES = 5;
const DAY_MS = 86_400_000;

interface Stats {
  from: string;
  to: string;
  positions: { id: string; title: string; total: number; perDay: Record<string, number> }[];
  practice: { persona: string; name: string; total: number; outcomes: Partial<Record<Outcome, number>> }[];
}

/**
 * Each series drawn its own way besides its colour: a dash and a marker, so that lines lying on one another
 * (at zero most of all) stay apart, and so that the chart reads without colour too.
 */
const DASHES: number[][] = [[], [7, 4], [2, 3], [10, 3, 2, 3], [4, 2]];
const MARKERS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot'] as const;

/** A day as people write it in the page's language: "7 дек." or "7 Dec"; with the year for a period's ends. */
export function dayLabel(day: string, language: 'ru' | 'en', withYear = false): string {
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** The legend's sample of a series: its colour, dash and marker, as the chart draws them. */
function SeriesSample({ series }: { series: number }) {
  const marker = MARKERS[series % MARKERS.length];
  const shapes: Record<(typeof MARKERS)[number], preact.JSX.Element> = {
    circle: <circle cx="14" cy="6" r="3.5" />,
    rect: <rect x="10.5" y="2.5" width="7" height="7" />,
    triangle: <polygon points="14,2 18,10 10,10" />,
    rectRot: <polygon points="14,1.5 18.5,6 14,10.5 9.5,6" />,
    crossRot: <path d="M10.5 2.5 17.5 9.5 M17.5 2.5 10.5 9.5" fill="none" stroke-width="2" />,
  };
  return (
    <svg class={`swatch series-${series}`} viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
      <line
        x1="0"
        y1="6"
        x2="28"
        y2="6"
        stroke="currentColor"
        stroke-width="2.5"
        stroke-dasharray={(DASHES[series] ?? []).join(' ') || undefined}
      />
      <g fill="currentColor" stroke="currentColor">
        {marker && shapes[marker]}
      </g>
    </svg>
  );
}

function dayList(from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS)
    days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}

/** What both charts share: drawn at once (no animation), as high as their box, legends in HTML. */
const BASE = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  plugins: { legend: { display: false } },
} as const;

function edgeOrMiddle(index: number, count: number): boolean {
  return index === 0 || index === count - 1 || index === Math.floor((count - 1) / 2);
}

function ticks() {
  return { color: colour('--muted'), font: { size: 13 } };
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <details class="table-view">
      <summary>{t('tableView')}</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((cell) => (
              <th scope="col">{cell}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([first, ...rest]) => (
            <tr>
              <th scope="row">{first}</th>
              {rest.map((cell) => (
                <td>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function PositionsChart({ data }: { data: Stats }) {
  const top = data.positions.slice(0, SERIES);
  const days = dayList(data.from, data.to);
  const language = lang();
  const description = t('positionsChartDesc')(
    dayLabel(data.from, language, true),
    dayLabel(data.to, language, true),
  );
  const labels = days.map((day) => dayLabel(day, language));
  const highest = Math.max(1, ...top.flatMap((position) => Object.values(position.perDay)));
  const dots = days.length <= 31;
  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: {
      labels,
      datasets: top.map((position, series) => ({
        label: position.title,
        data: days.map((day) => position.perDay[day] ?? 0),
        borderColor: colour(`--s${series}`),
        backgroundColor: colour(`--s${series}`),
        borderWidth: 2.5,
        borderDash: DASHES[series] ?? [],
        // A marker on every day while there is room for them, zero days too: a line along the bottom is a
        // series, not the axis.
        pointStyle: MARKERS[series] ?? 'circle',
        pointRadius: dots ? 3.5 : 0,
        pointHoverRadius: 5,
        clip: false as const,
      })),
    },
    options: {
      ...BASE,
      // Room for the last day's line at the right edge.
      layout: { padding: { right: 6 } },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          // The first, the middle and the last day, as the period reads: Chart.js's own skipping dropped the last.
          ticks: {
            ...ticks(),
            maxRotation: 0,
            autoSkip: false,
            callback: (_value, index) => (edgeOrMiddle(index, days.length) ? labels[index] : ''),
          },
          grid: { display: false },
        },
        y: {
          // Zero sits a little above the axis, so that a line at zero is drawn on its own, not on the axis.
          min: -highest * 0.06,
          ticks: {
            ...ticks(),
            precision: 0,
            maxTicksLimit: 5,
          },
          // The ticks from zero up: the room below zero is no value, and zero itself is always labelled.
          afterBuildTicks: (scale) => {
            const ticks = scale.ticks.filter((tick) => tick.value >= 0);
            if (!ticks.some((tick) => tick.value === 0)) ticks.unshift({ value: 0 });
            scale.ticks = ticks;
          },
          grid: { color: colour('--line') },
          border: { display: false },
        },
      },
    },
  };
  return (
    <>
      <div class="chart-box line-chart">
        <ChartCanvas config={config} label={t('positionsChart')} description={description} />
      </div>
      <ul class="legend">
        {top.map((position, series) => (
          <li>
            <SeriesSample series={series} />
            {`${position.title} — ${position.total}`}
          </li>
        ))}
      </ul>
      <Table
        caption={description}
        head={[t('position'), t('total')]}
        rows={data.positions.map((position) => [position.title, String(position.total)])}
      />
    </>
  );
}

function OutcomesChart({ data }: { data: Stats }) {
  const labels = t('outcome');
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: data.practice.map((persona) => `${persona.name} — ${persona.total}`),
      datasets: OUTCOMES.map((outcome) => ({
        label: labels[outcome],
        data: data.practice.map((persona) => persona.outcomes[outcome] ?? 0),
        backgroundColor: colour(OUTCOME_COLOURS[outcome]),
      })),
    },
    options: {
      ...BASE,
      indexAxis: 'y',
      scales: {
        x: { stacked: true, display: false, grace: '5%' },
        y: {
          stacked: true,
          // The relatives' names in the text's own colour: they are what the bars are read by.
          ticks: { ...ticks(), color: colour('--ink'), crossAlign: 'far' },
          grid: { display: false },
          border: { display: false },
        },
      },
    },
  };
  return (
    <>
      {/* Its height grows with the number of relatives, so that every bar stays thick enough to tap. */}
      <div class="chart-box bar-chart" style={{ height: `${data.practice.length * 34 + 16}px` }}>
        <ChartCanvas config={config} label={t('outcomesChart')} />
      </div>
      <ul class="legend">
        {OUTCOMES.map((outcome) => (
          <li>
            <span class={`swatch outcome-${outcome}`} aria-hidden="true" />
            {labels[outcome]}
          </li>
        ))}
      </ul>
      <Table
        caption={t('outcomesChart')}
        head={[t('persona'), t('total'), ...OUTCOMES.map((outcome) => labels[outcome])]}
        rows={data.practice.map((persona) => [
          persona.name,
          String(persona.total),
          ...OUTCOMES.map((outcome) => String(persona.outcomes[outcome] ?? 0)),
        ])}
      />
    </>
  );
}

async function load(): Promise<void> {
  const days = byId<HTMLSelectElement>('days').value;
  const reply = await api<Stats>('GET', `/api/stats?days=${days}&lang=${lang()}`);
  if (reply.status !== 200 || !reply.data) throw refusal(reply);
  const data = reply.data;
  byId('status').textContent = '';
  const noData = <p>{t('noData')}</p>;
  render(data.positions.length > 0 ? <PositionsChart data={data} /> : noData, byId('positions-chart'));
  render(data.practice.length > 0 ? <OutcomesChart data={data} /> : noData, byId('outcomes-chart'));
  byId('main').dataset.loaded = 'true';
}

function labelDays(): void {
  for (const option of byId<HTMLSelectElement>('days').options)
    option.textContent = t('days')(Number(option.value));
}

function failed(error: unknown): void {
  byId('status').textContent =
    error instanceof TypeError ? t('networkError') : error instanceof Error ? error.message : String(error);
}

setupLangSwitch();
labelDays();
onLangChange(() => {
  labelDays();
  load().catch(failed);
});
byId('days').addEventListener('change', () => load().catch(failed));
load().catch(failed);
