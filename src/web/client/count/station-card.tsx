import type { LiveStation } from '../../../count/counting.js';
import { lang } from '../i18n.js';
import { ago, countryName, duration, number, percent } from './live-format.js';
import { w } from './live-texts.js';

// One station's card: where it is, how many people were counted going in and over how much of its hours,
// the latest queue, and how fresh all that is. The count is the largest thing on it, to be read in the sun.

function coverageWords(coverage: number | null): string | null {
  if (coverage === null || coverage <= 0) return null;
  return coverage < 0.01 ? w('coverageTiny') : w('coverage')(percent(coverage));
}

function Queue({ queue, now }: { queue: LiveStation['queue']; now: number }) {
  if (!queue) return <p class="queue none">{w('noQueue')}</p>;
  const people = number(queue.people);
  const line =
    queue.waitMinutes > 0 ? w('queue')(people, duration(queue.waitMinutes)) : w('queueNoWait')(people);
  return (
    <p class="queue">
      <strong>{line}</strong> <span class="ago">· {w('reported')(ago(queue.at, now))}</span>
    </p>
  );
}

/** The PNG card of a station or, without one, of the whole election, in the page's language (count-cards.ts). */
export function cardUrl(election: string, station?: string): string {
  const at = station === undefined ? '' : `/stations/${encodeURIComponent(station)}`;
  return `/api/count/elections/${encodeURIComponent(election)}${at}/card.png?lang=${lang()}`;
}

export function StationCard({
  election,
  station,
  now,
  charted,
  onChart,
}: {
  election: string;
  station: LiveStation;
  now: number;
  charted: boolean;
  onChart: (station: string) => void;
}) {
  const { value, coverage } = station.counted;
  const covered = coverageWords(coverage);
  const headingId = `station-${station.station}`;
  const heading = (
    <>
      <h3 id={headingId}>
        {station.city}, {countryName(station.country)}
      </h3>
      <p class="station-id">{w('station')(station.station)}</p>
    </>
  );
  // A station nobody has reported from yet takes one line, so that the ones with figures are found quickly.
  if (station.updatedAt === null)
    return (
      <li class="station-card quiet-card" aria-labelledby={headingId} data-station={station.station}>
        {heading}
        <p class="figure none">{w('notCounted')}</p>
      </li>
    );
  return (
    <li class="station-card" aria-labelledby={headingId} data-station={station.station}>
      {heading}
      {value === null ? (
        <p class="figure none">{w('notCounted')}</p>
      ) : (
        <p class="figure">
          <span class="figure-label">{w('counted')}</span>{' '}
          <span class="figure-value">{number(Math.round(value))}</span>
        </p>
      )}
      {covered && <p class="coverage">{covered}</p>}
      <Queue queue={station.queue} now={now} />
      <p class="updated">{w('updated')(ago(station.updatedAt, now))}</p>
      {value !== null && (
        <p class="card-actions">
          <button type="button" class="quiet" aria-pressed={charted} onClick={() => onChart(station.station)}>
            {w('showChart')}
          </button>{' '}
          <a class="share-card" href={cardUrl(election, station.station)} target="_blank" rel="noopener">
            {w('shareCard')}
          </a>
        </p>
      )}
    </li>
  );
}
