import type { AnswerFigures } from '../../../count/wilson.js';
import { percent } from './live-format.js';
import { r } from './report-texts.js';

// One station's answers as intervals: per answer a bar from the poll's low to its high bound, the poll's share as
// a tick and the official share as a dot. A dot outside its bar is drawn to stand out, and says so in words too.

export interface AnswerRow {
  id: string;
  name: string;
  /** null: no exit poll here, or not yet published. */
  poll: AnswerFigures | null;
  /** votes ÷ ballots; null where there is no official figure for this answer. */
  official: number | null;
  /** The report's own `outside-survey` flag for this answer, so the chart and the words never disagree. */
  outside: boolean;
}

/** Positions in percent of the row's width: circles keep their shape at any width, with no measuring. */
const at = (share: number) => `${(Math.min(1, Math.max(0, share)) * 100).toFixed(3)}%`;
const GRID = [0, 0.25, 0.5, 0.75, 1];
const share = (x: number) => percent(x, 1);

function Grid() {
  return (
    <>
      {GRID.map((x) => (
        <line class="grid" x1={at(x)} x2={at(x)} y1="0" y2="100%" />
      ))}
    </>
  );
}

/** The scale above the rows: 0 %, 50 %, 100 %. */
function Axis() {
  return (
    <li class="answer-row axis" aria-hidden="true">
      <span class="answer-name" />
      <svg class="interval" height="18" width="100%" aria-hidden="true">
        {[0, 0.5, 1].map((x) => (
          <text x={at(x)} y="13" text-anchor={x === 0 ? 'start' : x === 1 ? 'end' : 'middle'}>
            {percent(x)}
          </text>
        ))}
      </svg>
    </li>
  );
}

function Row({ row }: { row: AnswerRow }) {
  const { poll, official, outside } = row;
  const bound = poll && poll.low !== null && poll.high !== null ? { low: poll.low, high: poll.high } : null;
  const pollWords =
    bound && poll?.share != null
      ? r('pollFigures')(share(poll.share), share(bound.low), share(bound.high))
      : null;
  const officialWords = official === null ? null : r('officialFigure')(share(official));
  return (
    <li class="answer-row" data-answer={row.id} data-outside={outside ? 'true' : undefined}>
      <span class="answer-name" aria-hidden="true">
        {row.name}
      </span>
      <svg
        class="interval"
        height="24"
        width="100%"
        role="img"
        aria-label={r('rowLabel')(row.name, pollWords, officialWords, outside)}
      >
        <Grid />
        {bound && (
          <rect class="bound" x={at(bound.low)} y="5" width={at(bound.high - bound.low)} height="14" rx="3" />
        )}
        {poll?.share != null && <line class="tick" x1={at(poll.share)} x2={at(poll.share)} y1="1" y2="23" />}
        {official !== null && (
          <circle
            class={outside ? 'official outside' : 'official'}
            cx={at(official)}
            cy="12"
            r={outside ? 7 : 5}
          />
        )}
      </svg>
      <span class="answer-figures" aria-hidden="true">
        {pollWords && <span>{pollWords}</span>}
        {officialWords && (
          <span>
            {officialWords}
            {outside && <strong class="outside-mark"> {r('outsideMark')}</strong>}
          </span>
        )}
      </span>
    </li>
  );
}

export function AnswerChart({ rows, labelledBy }: { rows: readonly AnswerRow[]; labelledBy: string }) {
  return (
    <ul class="answers" aria-labelledby={labelledBy}>
      <Axis />
      {rows.map((row) => (
        <Row key={row.id} row={row} />
      ))}
    </ul>
  );
}

/** The legend, in words and with the same marks as the chart. */
export function ChartLegend() {
  return (
    <section class="chart-legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading">{r('legendHeading')}</h2>
      <ul>
        <li>
          <svg class="legend-mark" width="40" height="24" aria-hidden="true">
            <rect class="bound" x="2" y="5" width="36" height="14" rx="3" />
          </svg>
          {r('legendBar')}
        </li>
        <li>
          <svg class="legend-mark" width="40" height="24" aria-hidden="true">
            <line class="tick" x1="20" x2="20" y1="1" y2="23" />
          </svg>
          {r('legendTick')}
        </li>
        <li>
          <svg class="legend-mark" width="40" height="24" aria-hidden="true">
            <circle class="official" cx="20" cy="12" r="5" />
          </svg>
          {r('legendDot')}
        </li>
        <li class="legend-outside">
          <svg class="legend-mark" width="40" height="24" aria-hidden="true">
            <rect class="bound" x="2" y="5" width="18" height="14" rx="3" />
            <circle class="official outside" cx="31" cy="12" r="7" />
          </svg>
          <strong>{r('legendOutside')}</strong>
        </li>
      </ul>
    </section>
  );
}
