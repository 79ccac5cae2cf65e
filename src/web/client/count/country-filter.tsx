import { lang } from '../i18n.js';
import { countryName } from './live-format.js';
import { w } from './live-texts.js';

// What the live count and the report share about their lists of stations: the order by place, and the country
// filter built from the stations' own countries, named in the page's language.

interface Placed {
  station: string;
  country: string;
  city: string;
}

/** By country name, then city, then number (8267 before 10001), in the page's language. */
export function byPlace<T extends Placed>(stations: Iterable<T>): T[] {
  const collator = new Intl.Collator(lang(), { numeric: true });
  return [...stations].sort(
    (a, b) =>
      collator.compare(countryName(a.country), countryName(b.country)) ||
      collator.compare(a.city, b.city) ||
      collator.compare(a.station, b.station),
  );
}

export function CountryFilter({
  list,
  country,
  onChange,
}: {
  list: readonly Placed[];
  country: string;
  onChange: (country: string) => void;
}) {
  const countries = new Map<string, number>();
  for (const station of list) countries.set(station.country, (countries.get(station.country) ?? 0) + 1);
  return (
    <div class="filter">
      <label for="country">{w('countryLabel')}</label>
      <select id="country" value={country} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{w('allCountries')}</option>
        {[...countries].map(([code, stations]) => (
          <option value={code}>{w('countryOption')(countryName(code), stations)}</option>
        ))}
      </select>
    </div>
  );
}
