import { countryName, number, percent } from './live-format.js';
import { AnswerChart, type AnswerRow } from './report-chart.js';
import { FlagList } from './report-flags.js';
import { r } from './report-texts.js';
import type { AnswerName, PageStation } from './report-types.js';
import { ShareCard } from './share-card.js';
import { cardUrl } from './station-card.js';

// One station in the report: its counted and official ballots, what a coordinator excluded, the flags explained,
// the exit poll beside the official shares, and its share card.

/** Answers no official result has (count-spec.md's official import): they are the poll's alone. */
const POLL_ONLY = new Set(['removed', 'declined']);

export function answerRows(
  station: PageStation,
  answers: readonly AnswerName[],
  name: (answer: string) => string,
): AnswerRow[] {
  const { official, exitPoll, flags } = station;
  // Without the election's answers (its list did not load) the report's own ids stand in, unnamed.
  const known =
    answers.length > 0 ? answers.map((a) => a.id) : Object.keys(exitPoll?.answers ?? official?.votes ?? {});
  const shown = exitPoll ? known : known.filter((id) => !POLL_ONLY.has(id));
  return shown.flatMap((id) => {
    const votes = official?.votes[id];
    const poll = exitPoll?.answers[id] ?? null;
    if (!poll && votes === undefined) return [];
    return [
      {
        id,
        name: name(id),
        poll,
        official: official && official.ballots > 0 && votes !== undefined ? votes / official.ballots : null,
        outside: flags.some((f) => f.kind === 'outside-survey' && f.answer === id),
      },
    ];
  });
}

function Ballots({ station }: { station: PageStation }) {
  const { counted, official, exitPoll } = station;
  return (
    <dl class="ballots">
      <div>
        <dt>{r('counted')}</dt>
        {counted.value === null ? (
          <dd class="none">{r('notCounted')}</dd>
        ) : (
          <>
            <dd class="ballots-value" data-testid="counted">
              {number(Math.round(counted.value))}
            </dd>
            {counted.coverage !== null && (
              <dd class="ballots-note">
                {r('coverage')(percent(counted.coverage))}
                {counted.estimate !== null && counted.coverage < 1
                  ? `; ${r('estimate')(number(Math.round(counted.estimate)))}`
                  : ''}
              </dd>
            )}
          </>
        )}
      </div>
      <div>
        <dt>{r('official')}</dt>
        {official ? (
          <dd class="ballots-value" data-testid="official">
            {number(official.ballots)}
          </dd>
        ) : (
          <dd class="none">{r('noOfficial')}</dd>
        )}
      </div>
      {exitPoll && (
        <div>
          <dt>{r('respondents')}</dt>
          <dd class="ballots-value">{number(exitPoll.respondents)}</dd>
          {exitPoll.declined > 0 && <dd class="ballots-note">{r('declined')(number(exitPoll.declined))}</dd>}
        </div>
      )}
    </dl>
  );
}

export function ReportStationCard({
  election,
  station,
  answers,
  published,
  name,
}: {
  election: string;
  station: PageStation;
  answers: readonly AnswerName[];
  published: boolean;
  name: (answer: string) => string;
}) {
  const headingId = `station-${station.station}`;
  const chartId = `chart-${station.station}`;
  const rows = answerRows(station, answers, name);
  const flagged = station.flags.length > 0;
  return (
    <li
      class={flagged ? 'report-station flagged' : 'report-station'}
      aria-labelledby={headingId}
      data-station={station.station}
    >
      <h3 id={headingId}>
        {station.city}, {countryName(station.country)}
      </h3>
      <p class="station-id">{r('station')(station.station)}</p>
      <Ballots station={station} />
      {station.excluded !== undefined && station.excluded > 0 && (
        <p class="excluded" data-testid="excluded">
          {r('excluded')(station.excluded)}
        </p>
      )}
      <FlagList station={station} name={name} />
      {published && !station.exitPoll && <p class="no-poll">{r('noPoll')}</p>}
      {rows.length > 0 && (
        <section class="station-chart" aria-labelledby={chartId}>
          <h4 id={chartId}>{station.exitPoll ? r('chartHeading') : r('officialHeading')}</h4>
          <AnswerChart rows={rows} labelledBy={chartId} />
        </section>
      )}
      {station.counted.value !== null && (
        <p class="card-actions">
          <ShareCard
            url={cardUrl(election, station.station)}
            filename={`${election}-${station.station}.png`}
            shareLabel={r('share')}
            downloadLabel={r('download')}
          />
        </p>
      )}
    </li>
  );
}
