import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { cityLabel } from './station-card.js';
import { gt } from './texts.js';
import type { PageStation } from './types.js';

// The stations on a world map drawn here, as inline SVG, from Natural Earth's countries (world-atlas, bundled
// with the page's scripts): no tile server, nothing fetched from another host, so it works on a closed network.
// Each dot is a link with a name; choosing it shows its stations' cards in the finder.

const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = 16;

let countries: Promise<FeatureCollection> | undefined;

/** The countries once per page: the atlas is its own script chunk, loaded when the map is first drawn. */
function loadCountries(): Promise<FeatureCollection> {
  countries ??= import('world-atlas/countries-110m.json').then((module) => {
    const world = (module.default ?? module) as unknown as Topology<{ countries: GeometryCollection }>;
    return feature(world, world.objects.countries) as FeatureCollection;
  });
  return countries;
}

interface Dot {
  key: string;
  lat: number;
  lon: number;
  stations: PageStation[];
}

/** Stations at one point (a city's centre stands in for stations without their own) make one dot. */
function dotsOf(stations: readonly PageStation[]): Dot[] {
  const dots = new Map<string, Dot>();
  for (const station of stations) {
    if (station.lat === null || station.lon === null) continue;
    const key = `${station.lat.toFixed(3)},${station.lon.toFixed(3)}`;
    const dot = dots.get(key) ?? { key, lat: station.lat, lon: station.lon, stations: [] };
    dot.stations.push(station);
    dots.set(key, dot);
  }
  return [...dots.values()];
}

/** The corners of the points' box, with room around them, for the projection to fit. */
function extentOf(points: readonly { lat: number; lon: number }[]) {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const [south, north, west, east] = [
    Math.min(...lats),
    Math.max(...lats),
    Math.min(...lons),
    Math.max(...lons),
  ];
  const padLat = Math.max(3, (north - south) * 0.15);
  const padLon = Math.max(4, (east - west) * 0.15);
  const s = Math.max(-85, south - padLat);
  const n = Math.min(85, north + padLat);
  const w = Math.max(-180, west - padLon);
  const e = Math.min(180, east + padLon);
  return {
    type: 'MultiPoint' as const,
    coordinates: [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
    ],
  };
}

export function StationMap(props: {
  stations: readonly PageStation[];
  /** The stations to zoom to (a search's results); all located stations when empty. */
  focus: readonly PageStation[];
  onSelect: (stations: PageStation[]) => void;
}) {
  const t = gt();
  const [world, setWorld] = useState<FeatureCollection | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadCountries().then(setWorld, () => setFailed(true));
  }, []);

  const dots = useMemo(() => dotsOf(props.stations), [props.stations]);
  const focusDots = useMemo(() => dotsOf(props.focus), [props.focus]);
  const located = props.stations.filter((s) => s.lat !== null && s.lon !== null).length;

  const drawn = useMemo(() => {
    if (!world) return null;
    const projection = geoNaturalEarth1();
    const around = focusDots.length > 0 ? focusDots : dots;
    const box: [[number, number], [number, number]] = [
      [MARGIN, MARGIN],
      [WIDTH - MARGIN, HEIGHT - MARGIN],
    ];
    if (around.length > 0) projection.fitExtent(box, extentOf(around));
    else projection.fitExtent(box, { type: 'Sphere' });
    const path = geoPath(projection);
    return {
      land: path(world) ?? '',
      points: dots.flatMap((dot) => {
        const xy = projection([dot.lon, dot.lat]);
        return xy ? [{ dot, x: xy[0], y: xy[1] }] : [];
      }),
    };
  }, [world, dots, focusDots]);

  const note =
    located === 0
      ? t.mapNone
      : located < props.stations.length
        ? t.mapPartial(located, props.stations.length)
        : null;

  return (
    <figure class="station-map">
      {drawn ? (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} class="map-svg" xmlns="http://www.w3.org/2000/svg">
          <title>{t.mapLabel(located)}</title>
          <rect class="map-sea" x="0" y="0" width={WIDTH} height={HEIGHT} />
          <path class="map-land" d={drawn.land} />
          {drawn.points.map(({ dot, x, y }) => {
            const first = dot.stations[0];
            const label = t.dot(
              first ? cityLabel(first) : '',
              dot.stations.map((s) => s.station),
            );
            const inFocus = focusDots.some((f) => f.key === dot.key);
            return (
              <a
                key={dot.key}
                href={`#station-${first?.station ?? ''}`}
                class={inFocus ? 'map-dot focus' : 'map-dot'}
                aria-label={label}
                onClick={(event) => {
                  event.preventDefault();
                  props.onSelect(dot.stations);
                }}
              >
                <title>{label}</title>
                <circle class="map-hit" cx={x} cy={y} r="18" />
                <circle class="map-point" cx={x} cy={y} r={inFocus ? 8 : 6} />
              </a>
            );
          })}
        </svg>
      ) : (
        <p class="map-loading">{failed ? t.loadFailed : t.mapLoading}</p>
      )}
      {note && <figcaption class="hint">{note}</figcaption>}
    </figure>
  );
}
