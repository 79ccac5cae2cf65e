import { useState } from 'preact/hooks';
import { type FoundStation, findByCity, findByCountry, findNear } from '../../../guide/station-search.js';
import { StationCard } from './station-card.js';
import { gt } from './texts.js';
import type { LocatedCity, PageStation } from './types.js';

// The station finder, run in the browser over the election's stations: by city or country in any language
// with typos forgiven, or "near me" from the browser's own position — which is used here and sent nowhere.

export type Found = FoundStation<PageStation>;

export interface Results {
  stations: Found[];
  /** What the list is: found by a search, nearest first, or chosen on the map. */
  kind: 'search' | 'near' | 'map';
  message: string | null;
  didYouMean: string[];
}

/** The search as a person types it: a city first, then a country; "did you mean" when neither matches. */
export function search(
  stations: readonly PageStation[],
  cities: readonly LocatedCity[],
  query: string,
): Results {
  const t = gt();
  const byCity = findByCity(stations, cities, query);
  if (byCity.stations.length > 0)
    return {
      stations: byCity.stations,
      kind: 'search',
      message: t.found(byCity.stations.length),
      didYouMean: [],
    };
  const byCountry = findByCountry(stations, cities, query);
  if (byCountry.stations.length > 0)
    return {
      stations: byCountry.stations,
      kind: 'search',
      message: t.found(byCountry.stations.length),
      didYouMean: [],
    };
  const didYouMean = [...new Set([...byCity.didYouMean, ...byCountry.didYouMean])].slice(0, 3);
  return { stations: [], kind: 'search', message: t.nothingFound(query.trim()), didYouMean };
}

const NEAREST = 5;

export function Finder(props: {
  election: string;
  stations: readonly PageStation[];
  cities: readonly LocatedCity[];
  results: Results | null;
  onResults: (results: Results | null) => void;
}) {
  const t = gt();
  const [query, setQuery] = useState('');
  const [locating, setLocating] = useState(false);
  const { results, onResults } = props;

  const run = (text: string) => {
    if (text.trim() === '') return onResults(null);
    onResults(search(props.stations, props.cities, text));
  };

  const nearMe = () => {
    if (!('geolocation' in navigator)) {
      onResults({ stations: [], kind: 'near', message: t.noGeolocation, didYouMean: [] });
      return;
    }
    setLocating(true);
    onResults({ stations: [], kind: 'near', message: t.locating, didYouMean: [] });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        // The position is used here, in this function, and kept nowhere: not in the address, not in storage.
        const point = { lat: position.coords.latitude, lon: position.coords.longitude };
        const found = findNear(props.stations, point).stations.slice(0, NEAREST);
        onResults({
          stations: found,
          kind: 'near',
          message: found.length > 0 ? gt().nearest(found.length) : gt().noCoordinates,
          didYouMean: [],
        });
      },
      (error) => {
        setLocating(false);
        const message = error.code === error.PERMISSION_DENIED ? gt().denied : gt().noPosition;
        onResults({ stations: [], kind: 'near', message, didYouMean: [] });
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  };

  return (
    <div class="finder">
      <form
        class="finder-form"
        onSubmit={(event) => {
          event.preventDefault();
          run(query);
        }}
      >
        <label for="finder-query">{t.searchLabel}</label>
        <div class="row">
          <input
            id="finder-query"
            type="search"
            autocomplete="off"
            maxLength={80}
            value={query}
            aria-describedby="finder-hint"
            onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          />
          <button type="submit">{t.searchButton}</button>
        </div>
        <p id="finder-hint" class="hint">
          {t.searchHint}
        </p>
      </form>
      <div class="near">
        <button type="button" class="quiet big" onClick={nearMe} disabled={locating}>
          <svg class="pin" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d="M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" />
          </svg>
          {t.nearMe}
        </button>
        <p class="hint">{t.nearMeNote}</p>
      </div>
      <div class="finder-results" aria-live="polite">
        {results?.message && (
          <p class="finder-message" role="status">
            {results.message}
          </p>
        )}
        {results && results.didYouMean.length > 0 && (
          <p class="did-you-mean">
            {t.didYouMean}{' '}
            {results.didYouMean.map((name) => (
              <button
                key={name}
                type="button"
                class="quiet"
                onClick={() => {
                  setQuery(name);
                  run(name);
                }}
              >
                {name}
              </button>
            ))}
          </p>
        )}
      </div>
      {results && results.stations.length > 0 && (
        <ul class="station-list" aria-label={results.message ?? undefined}>
          {results.stations.map((station) => (
            <li key={station.station}>
              <StationCard election={props.election} station={station} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
