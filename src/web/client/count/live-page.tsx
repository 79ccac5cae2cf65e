import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Live, LiveStation } from '../../../count/counting.js';
import { api } from '../api.js';
import { lang, onLangChange } from '../i18n.js';
import { ArrivalsChart } from './arrivals-chart.js';
import { byPlace, CountryFilter } from './country-filter.js';
import { type Connection, openFeed } from './live-feed.js';
import { clock, countryName, number } from './live-format.js';
import { w } from './live-texts.js';
import { cardUrl, StationCard } from './station-card.js';

// The live count of one election: the total, a card per station, a country filter and one station's chart,
// kept current by the feed. The filter and the charted station are in the address, so a link shows the same.

interface Election {
  id: string;
  title: { ru: string; en: string };
}

type Stations = ReadonlyMap<string, LiveStation>;

/** How often the "5 minutes ago" texts are brought up to date. */
const TICK_MS = 30_000;
/** A chart is read again at most this often while its station keeps changing. */
const CHART_REFRESH_MS = 30_000;

const time = (iso: string | null) => (iso === null ? Number.NEGATIVE_INFINITY : Date.parse(iso));

/** The stream and /live may cross: a station's older version never replaces a newer one. */
function merge(stations: Stations, changed: readonly LiveStation[]): Stations {
  const next = new Map(stations);
  for (const station of changed) {
    const known = next.get(station.station);
    if (!known || time(known.updatedAt) <= time(station.updatedAt)) next.set(station.station, station);
  }
  return next;
}

/** The whole picture replaces the list (a station may have gone), keeping any newer version already here. */
function replaceAll(stations: Stations, live: Live): Stations {
  const next = new Map<string, LiveStation>();
  for (const station of live.stations) {
    const known = stations.get(station.station);
    next.set(station.station, known && time(known.updatedAt) > time(station.updatedAt) ? known : station);
  }
  return next;
}

const counted = (list: readonly LiveStation[]) =>
  Math.round(list.reduce((sum, station) => sum + (station.counted.value ?? 0), 0));

function readAddress(): { country: string; station: string } {
  const query = new URLSearchParams(location.search);
  return { country: query.get('country') ?? '', station: query.get('station') ?? '' };
}

function writeAddress(country: string, station: string): void {
  const query = new URLSearchParams();
  if (country) query.set('country', country);
  if (station) query.set('station', station);
  const search = query.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}

function ConnectionNote({ connection }: { connection: Connection }) {
  if (connection.state === 'stale')
    return (
      <p class="connection stale" role="status">
        {w('stale')(clock(connection.since))}
      </p>
    );
  return (
    <p class={`connection ${connection.state}`} role="status">
      {connection.state === 'live' ? w('live') : w('connecting')}
    </p>
  );
}

function Total({ election, list }: { election: string; list: readonly LiveStation[] }) {
  const total = counted(list);
  return (
    <section class="total" aria-labelledby="total-label">
      <p id="total-label" class="total-label">
        {w('totalLabel')}
      </p>
      <p class="total-value" data-testid="total">
        {number(total)}
      </p>
      <p class="total-note">{w('totalNote')(total, list.length)}</p>
      {total > 0 && (
        <p class="card-actions">
          <a class="share-card" href={cardUrl(election)} target="_blank" rel="noopener">
            {w('shareCard')}
          </a>
        </p>
      )}
    </section>
  );
}

function ChartSection({
  election,
  list,
  station,
  now,
  onChart,
}: {
  election: string;
  list: readonly LiveStation[];
  station: LiveStation | undefined;
  now: number;
  onChart: (station: string) => void;
}) {
  return (
    <section id="chart" class="chart-section" aria-labelledby="chart-heading">
      <h2 id="chart-heading">{w('chartHeading')}</h2>
      <div class="filter">
        <label for="chart-station">{w('chartStation')}</label>
        <select
          id="chart-station"
          value={station?.station ?? ''}
          onChange={(event) => onChart(event.currentTarget.value)}
        >
          <option value="">{w('chartPick')}</option>
          {list.map((s) => (
            <option
              value={s.station}
            >{`${s.city}, ${countryName(s.country)} — ${w('station')(s.station)}`}</option>
          ))}
        </select>
      </div>
      {station && (
        <ArrivalsChart
          key={station.station}
          election={election}
          station={station.station}
          timezone={station.timezone}
          version={Math.floor(time(station.updatedAt) / CHART_REFRESH_MS)}
          now={now}
        />
      )}
    </section>
  );
}

type Phase = 'loading' | 'missing' | 'ready';

export function LivePage({ election }: { election: string }) {
  const [phase, setPhase] = useState<Phase>('loading');
  const [stations, setStations] = useState<Stations>(new Map());
  const [connection, setConnection] = useState<Connection>({ state: 'connecting' });
  const [title, setTitle] = useState<Election['title'] | null>(null);
  const [address, setAddress] = useState(readAddress);
  const [now, setNow] = useState(Date.now);
  const [, setLang] = useState(lang);

  useEffect(() => {
    onLangChange(setLang);
    const ticker = setInterval(() => setNow(Date.now()), TICK_MS);
    const close = openFeed(election, {
      snapshot: (live) => {
        setStations((current) => replaceAll(current, live));
        setPhase('ready');
      },
      stations: (changed) => setStations((current) => merge(current, changed)),
      connection: (next) => {
        setConnection(next);
        setNow(Date.now());
      },
      missing: () => setPhase('missing'),
    });
    api<{ elections: Election[] }>('GET', '/api/count/elections')
      .then((reply) => setTitle(reply.data?.elections?.find((e) => e.id === election)?.title ?? null))
      .catch(() => {}); // the page reads well under its default heading
    return () => {
      clearInterval(ticker);
      close();
    };
  }, [election]);

  const heading = phase === 'missing' ? w('missingHeading') : (title?.[lang()] ?? w('defaultTitle'));
  useEffect(() => {
    document.title = phase === 'ready' && title ? w('pageTitle')(title[lang()]) : heading;
  });

  const list = useMemo(() => byPlace(stations.values()), [stations, lang()]);
  // A country from an old link that has no station now reads as all countries.
  const country = list.some((s) => s.country === address.country) ? address.country : '';
  const shown = country ? list.filter((s) => s.country === country) : list;
  const choose = (next: Partial<typeof address>) => {
    const merged = { ...address, ...next };
    setAddress(merged);
    writeAddress(merged.country, merged.station);
  };
  const showChart = (station: string) => {
    choose({ station });
    if (station) document.getElementById('chart')?.scrollIntoView({ block: 'start' });
  };

  if (phase === 'missing')
    return (
      <>
        <h1>{heading}</h1>
        <p class="missing">{w('missing')(election)}</p>
      </>
    );
  return (
    <>
      <h1>{heading}</h1>
      <p class="lead">{w('lead')}</p>
      <p class="report-nav">
        <a href={`/count/${encodeURIComponent(election)}/report`}>{w('reportLink')}</a>
      </p>
      {phase === 'loading' ? (
        <p class="connection" role="status">
          {connection.state === 'stale' ? w('loadFailed') : w('connecting')}
        </p>
      ) : (
        <>
          <Total election={election} list={list} />
          <ConnectionNote connection={connection} />
          {list.length === 0 ? (
            <p class="missing">{w('noStations')}</p>
          ) : (
            <>
              <section aria-labelledby="stations-heading">
                <h2 id="stations-heading">{w('stationsHeading')}</h2>
                <CountryFilter list={list} country={country} onChange={(next) => choose({ country: next })} />
                {country && (
                  <p class="shown" data-testid="shown">
                    {w('shown')(shown.length, number(counted(shown)))}
                  </p>
                )}
                <ul class="stations">
                  {shown.map((station) => (
                    <StationCard
                      key={station.station}
                      election={election}
                      station={station}
                      now={now}
                      charted={station.station === address.station}
                      onChart={showChart}
                    />
                  ))}
                </ul>
              </section>
              <ChartSection
                election={election}
                list={list}
                station={stations.get(address.station)}
                now={now}
                onChart={showChart}
              />
            </>
          )}
          <p class="about">{w('about')}</p>
        </>
      )}
    </>
  );
}
