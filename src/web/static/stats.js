// The statistics page: charts drawn as inline SVG from /api/stats (anonymous daily counters only), each with
// a table beside it for screen readers and for exact numbers.

import { api, el, lang, onLangChange, setupLangSwitch, svg, t } from './common.js';

const $ = (id) => document.getElementById(id);
const SERIES = 5;
const OUTCOMES = ['opened', 'closed', 'stopped', 'limit'];
const DAY_MS = 86_400_000;

function dayList(from, to) {
  const days = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS)
    days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}

function table(caption, head, rows) {
  return el(
    'details',
    { class: 'table-view' },
    el('summary', {}, t('tableView')),
    el(
      'table',
      {},
      el('caption', {}, caption),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          head.map((cell) => el('th', { scope: 'col' }, cell)),
        ),
      ),
      el(
        'tbody',
        {},
        rows.map((row) =>
          el(
            'tr',
            {},
            row.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell))),
          ),
        ),
      ),
    ),
  );
}

/** Drawn at the container's own width, so that axis labels stay readable on a phone rather than shrink. */
function chartWidth(container) {
  return Math.max(300, Math.min(800, container.clientWidth || 640));
}

function positionsChart(data, width) {
  const top = data.positions.slice(0, SERIES);
  const days = dayList(data.from, data.to);
  const height = 260;
  const left = 36;
  const right = 12;
  const topPad = 12;
  const bottom = 28;
  const max = Math.max(1, ...top.flatMap((position) => Object.values(position.perDay)));
  const x = (i) => left + (days.length > 1 ? (i / (days.length - 1)) * (width - left - right) : 0);
  const y = (value) => topPad + (1 - value / max) * (height - topPad - bottom);
  const description = t('positionsChartDesc')(data.from, data.to);
  const chart = svg(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': 'positions-title positions-desc',
      class: 'line-chart',
    },
    svg('title', { id: 'positions-title' }, t('positionsChart')),
    svg('desc', { id: 'positions-desc' }, description),
  );
  for (const value of new Set([0, Math.round(max / 2), max])) {
    chart.append(
      svg('line', { x1: left, x2: width - right, y1: y(value), y2: y(value), class: 'grid' }),
      svg('text', { x: left - 6, y: y(value) + 4, class: 'axis', 'text-anchor': 'end' }, String(value)),
    );
  }
  const ticks = [...new Set([0, Math.floor((days.length - 1) / 2), days.length - 1])];
  for (const i of ticks)
    chart.append(
      svg(
        'text',
        {
          x: x(i),
          y: height - 8,
          class: 'axis',
          'text-anchor': i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle',
        },
        days[i].slice(5),
      ),
    );
  top.forEach((position, series) => {
    const points = days.map((day, i) => `${x(i)},${y(position.perDay[day] ?? 0)}`);
    chart.append(svg('polyline', { points: points.join(' '), class: `series series-${series}` }));
    if (days.length <= 31)
      days.forEach((day, i) => {
        const count = position.perDay[day];
        if (count)
          chart.append(svg('circle', { cx: x(i), cy: y(count), r: 3, class: `dot series-${series}` }));
      });
  });
  const legend = el(
    'ul',
    { class: 'legend' },
    top.map((position, series) =>
      el(
        'li',
        {},
        el('span', { class: `swatch series-${series}`, 'aria-hidden': 'true' }),
        `${position.title} — ${position.total}`,
      ),
    ),
  );
  const rows = data.positions.map((position) => [position.title, String(position.total)]);
  return [chart, legend, table(description, [t('position'), t('total')], rows)];
}

function outcomesChart(data, width) {
  const rowHeight = 30;
  const labelWidth = Math.min(170, Math.round(width * 0.35));
  const height = data.practice.length * rowHeight + 8;
  const max = Math.max(1, ...data.practice.map((persona) => persona.total));
  const labels = t('outcome');
  const chart = svg(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': 'outcomes-title',
      class: 'bar-chart',
    },
    svg('title', { id: 'outcomes-title' }, t('outcomesChart')),
  );
  data.practice.forEach((persona, row) => {
    const top = row * rowHeight + 4;
    chart.append(svg('text', { x: 0, y: top + 17, class: 'axis' }, persona.name));
    let offset = labelWidth;
    for (const outcome of OUTCOMES) {
      const count = persona.outcomes[outcome] ?? 0;
      if (count === 0) continue;
      const barWidth = (count / max) * (width - labelWidth - 40);
      chart.append(
        svg(
          'rect',
          { x: offset, y: top, width: barWidth, height: rowHeight - 8, class: `outcome-${outcome}` },
          svg('title', {}, `${labels[outcome]}: ${count}`),
        ),
      );
      offset += barWidth;
    }
    chart.append(svg('text', { x: offset + 6, y: top + 17, class: 'axis' }, String(persona.total)));
  });
  const legend = el(
    'ul',
    { class: 'legend' },
    OUTCOMES.map((outcome) =>
      el(
        'li',
        {},
        el('span', { class: `swatch outcome-${outcome}`, 'aria-hidden': 'true' }),
        labels[outcome],
      ),
    ),
  );
  const rows = data.practice.map((persona) => [
    persona.name,
    String(persona.total),
    ...OUTCOMES.map((o) => String(persona.outcomes[o] ?? 0)),
  ]);
  return [
    chart,
    legend,
    table(t('outcomesChart'), [t('persona'), t('total'), ...OUTCOMES.map((o) => labels[o])], rows),
  ];
}

async function load() {
  const days = $('days').value;
  const { status, data } = await api('GET', `/api/stats?days=${days}&lang=${lang()}`);
  if (status !== 200) {
    $('status').textContent = data?.error ?? `HTTP ${status}`;
    return;
  }
  $('status').textContent = '';
  const positions = $('positions-chart');
  const outcomes = $('outcomes-chart');
  positions.replaceChildren(
    ...(data.positions.length > 0 ? positionsChart(data, chartWidth(positions)) : [el('p', {}, t('noData'))]),
  );
  outcomes.replaceChildren(
    ...(data.practice.length > 0 ? outcomesChart(data, chartWidth(outcomes)) : [el('p', {}, t('noData'))]),
  );
  $('main').dataset.loaded = 'true';
}

function labelDays() {
  for (const option of $('days').options) option.textContent = t('days')(Number(option.value));
}

const failed = (error) => {
  $('status').textContent = error instanceof TypeError ? t('networkError') : error.message;
};

setupLangSwitch();
labelDays();
onLangChange(() => {
  labelDays();
  load().catch(failed);
});
$('days').addEventListener('change', () => load().catch(failed));
load().catch(failed);
