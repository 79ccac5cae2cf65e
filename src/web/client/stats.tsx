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
  return { color: colour('--muted'), font: { size: 12 } };
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
  const description = t('positionsChartDesc')(data.from, data.to);
  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: {
      labels: days.map((day) => day.slice(5)),
      datasets: top.map((position, series) => ({
        label: position.title,
        data: days.map((day) => position.perDay[day] ?? 0),
        borderColor: colour(`--s${series}`),
        backgroundColor: colour(`--s${series}`),
        borderWidth: 2.5,
        // Dots mark the days something was met, while there is room for them.
        pointRadius: (context) => (days.length <= 31 && context.raw ? 3 : 0),
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
            callback: (_value, index) => (edgeOrMiddle(index, days.length) ? days[index]?.slice(5) : ''),
          },
          grid: { display: false },
        },
        y: {
          beginAtZero: true,
          ticks: { ...ticks(), precision: 0, maxTicksLimit: 5 },
          grid: { color: colour('--line') },
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
            <span class={`swatch series-${series}`} aria-hidden="true" />
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
          ticks: { ...ticks(), crossAlign: 'far' },
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
