import { writtenDays } from '../../../guide/topics.js';
import { lang } from '../i18n.js';
import { gt, km } from './texts.js';
import type { PageStation } from './types.js';

// One polling station as a card: number, city, address, days, local hours, distance, the live queue when
// volunteers report one, and "add to calendar" (an .ics file the phone's calendar opens).

export function calendarUrl(election: string, station: string): string {
  return `/api/guide/elections/${encodeURIComponent(election)}/stations/${encodeURIComponent(station)}/calendar.ics?lang=${lang()}`;
}

export function cityLabel(station: Pick<PageStation, 'city' | 'cityRu'>): string {
  return lang() === 'ru' ? (station.cityRu ?? station.city) : station.city;
}

export function countryLabel(code: string): string {
  return new Intl.DisplayNames([lang()], { type: 'region' }).of(code) ?? code;
}

function clock(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(lang() === 'ru' ? 'ru-RU' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(new Date(iso));
  } catch {
    return iso.slice(11, 16);
  }
}

export function StationCard(props: {
  election: string;
  station: PageStation & { distanceKm?: number };
  /** The card's heading level inside its section. */
  level?: 3 | 4;
}) {
  const t = gt();
  const { station } = props;
  const Heading = props.level === 4 ? 'h4' : 'h3';
  const distance =
    station.distanceKm === undefined
      ? null
      : station.located === 'city'
        ? t.distanceCity(km(station.distanceKm))
        : t.distance(km(station.distanceKm));
  return (
    <article class="station-card" id={`station-${station.station}`} tabIndex={-1}>
      <Heading class="station-title">
        {t.station(station.station)}
        <span class="station-place">
          {cityLabel(station)}, {countryLabel(station.country)}
        </span>
      </Heading>
      {distance && <p class="station-distance">{distance}</p>}
      <dl class="station-facts">
        <dt>{t.address}</dt>
        <dd>{station.address ?? t.noAddress}</dd>
        <dt>{t.days}</dt>
        <dd>
          {writtenDays(station.days, lang())}, {t.hours(station.opens, station.closes)}
          <span class="station-zone"> ({station.timezone})</span>
        </dd>
      </dl>
      {station.queue && (
        <p class="station-queue">
          {t.queue(
            station.queue.people,
            station.queue.waitMinutes,
            clock(station.queue.at, station.timezone),
          )}
        </p>
      )}
      <a class="button-link" href={calendarUrl(props.election, station.station)} download>
        {t.addToCalendar}
      </a>
    </article>
  );
}
