import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api.js';
import { lang, onLangChange } from '../i18n.js';
import { byPlace, CountryFilter } from './country-filter.js';
import { number } from './live-format.js';
import { w } from './live-texts.js';
import { ChartLegend } from './report-chart.js';
import { ReportStationCard } from './report-station.js';
import { r } from './report-texts.js';
import type { AnswerName, PageReport, PageStation } from './report-types.js';
import { ShareCard } from './share-card.js';
import { cardUrl } from './station-card.js';

// The report of one election, /count/<election>/report: the totals, then the stations where the count, the exit
// poll and the official figures part, each explained, then the others; a country filter kept in the address.

interface Election {
  id: string;
  title: { ru: string; en: string };
  answers: AnswerName[];
}

type Phase = 'loading' | 'missing' | 'failed' | 'ready';

/** When the last station closes, in the reader's own time zone, which the text names. */
function closing(iso: string): string {
  return new Intl.DateTimeFormat(lang(), {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(Date.parse(iso));
}

function readCountry(): string {
  return new URLSearchParams(location.search).get('country') ?? '';
}

function writeCountry(country: string): void {
  const query = new URLSearchParams(location.search);
  if (country) query.set('country', country);
  else query.delete('country');
  const search = query.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}

function Totals({ election, report }: { election: string; report: PageReport }) {
  const { totals, stations } = report;
  const figure = (value: number | null | undefined, testId: string) =>
    value == null ? (
      <dd class="none" data-testid={testId}>
        {r('none')}
      </dd>
    ) : (
      <dd data-testid={testId}>{number(Math.round(value))}</dd>
    );
  return (
    <section class="report-totals" aria-labelledby="totals-heading">
      <h2 id="totals-heading" class="visually-hidden">
        {r('totalsHeading')}
      </h2>
      <dl>
        <div>
          <dt>{r('totalCounted')}</dt>
          {figure(totals.counted, 'total-counted')}
        </div>
        <div>
          <dt>{r('totalOfficial')}</dt>
          {figure(totals.official?.ballots, 'total-official')}
        </div>
        {report.exitPollPublished && (
          <div>
            <dt>{r('totalRespondents')}</dt>
            {figure(totals.exitPoll?.respondents, 'total-respondents')}
          </div>
        )}
        <div>
          <dt>{r('totalFlagged')}</dt>
          <dd data-testid="total-flagged">
            {r('flaggedOf')(number(totals.flagged), number(stations.length))}
          </dd>
        </div>
      </dl>
      {totals.counted !== null && totals.counted > 0 && (
        <p class="card-actions">
          <ShareCard
            url={cardUrl(election)}
            filename={`${election}.png`}
            shareLabel={r('shareAll')}
            downloadLabel={r('downloadAll')}
          />
        </p>
      )}
    </section>
  );
}

export function ReportPage({ election }: { election: string }) {
  const [phase, setPhase] = useState<Phase>('loading');
  const [report, setReport] = useState<PageReport | null>(null);
  const [info, setInfo] = useState<Election | null>(null);
  const [country, setCountry] = useState(readCountry);
  const [, setLang] = useState(lang);

  useEffect(() => {
    onLangChange(setLang);
    const id = encodeURIComponent(election);
    api<PageReport>('GET', `/api/count/elections/${id}/report`)
      .then((reply) => {
        if (reply.status === 404) return setPhase('missing');
        if (reply.status !== 200 || !reply.data) return setPhase('failed');
        setReport(reply.data);
        setPhase('ready');
      })
      .catch(() => setPhase('failed'));
    api<{ elections: Election[] }>('GET', '/api/count/elections')
      .then((reply) => setInfo(reply.data?.elections?.find((e) => e.id === election) ?? null))
      .catch(() => {}); // answers then show by their ids, the title as the default
  }, [election]);

  const title = info?.title[lang()];
  const heading = phase === 'missing' ? w('missingHeading') : (title ?? r('defaultTitle'));
  useEffect(() => {
    document.title = phase === 'ready' && title ? r('pageTitle')(title) : heading;
  });

  const list = useMemo(() => byPlace(report?.stations ?? []), [report, lang()]);
  const answers = info?.answers ?? [];
  const name = (answer: string) => answers.find((a) => a.id === answer)?.[lang()] ?? answer;

  if (phase === 'missing')
    return (
      <>
        <h1>{heading}</h1>
        <p class="missing">{w('missing')(election)}</p>
      </>
    );

  const liveLink = (
    <p class="report-nav">
      <a href={`/count/${encodeURIComponent(election)}`}>{r('liveLink')}</a>
    </p>
  );
  if (phase !== 'ready' || !report)
    return (
      <>
        <h1>{heading}</h1>
        {liveLink}
        <p class="connection" role="status">
          {phase === 'failed' ? r('loadFailed') : r('loading')}
        </p>
      </>
    );

  // A country from an old link that has no station now reads as all countries.
  const shownCountry = list.some((s) => s.country === country) ? country : '';
  const shown = shownCountry ? list.filter((s) => s.country === shownCountry) : list;
  const flagged = shown.filter((s) => s.flags.length > 0);
  const others = shown.filter((s) => s.flags.length === 0);
  const choose = (next: string) => {
    setCountry(next);
    writeCountry(next);
  };
  const card = (station: PageStation) => (
    <ReportStationCard
      key={station.station}
      election={election}
      station={station}
      answers={answers}
      published={report.exitPollPublished}
      name={name}
    />
  );

  return (
    <>
      <h1>{heading}</h1>
      {liveLink}
      <p class="lead">{r('lead')}</p>
      {!report.exitPollPublished && (
        <p class="publication-note" data-testid="publication-note">
          {report.closesAt ? r('notPublished')(closing(report.closesAt)) : r('notPublishedNoTime')}
        </p>
      )}
      <Totals election={election} report={report} />
      {report.exitPollPublished && <ChartLegend />}
      {list.length === 0 ? (
        <p class="missing">{w('noStations')}</p>
      ) : (
        <>
          <CountryFilter list={list} country={shownCountry} onChange={choose} />
          {shownCountry && (
            <p class="shown" data-testid="shown">
              {r('shown')(shown.length)}
            </p>
          )}
          {flagged.length > 0 && (
            <section aria-labelledby="flagged-heading">
              <h2 id="flagged-heading">{r('flaggedHeading')}</h2>
              <ul class="report-stations">{flagged.map(card)}</ul>
            </section>
          )}
          {others.length > 0 && (
            <section aria-labelledby="others-heading">
              <h2 id="others-heading">{flagged.length > 0 ? r('othersHeading') : r('stationsHeading')}</h2>
              {report.exitPollPublished && flagged.length === 0 && <p>{r('noFlags')}</p>}
              <ul class="report-stations">{others.map(card)}</ul>
            </section>
          )}
        </>
      )}
      <p class="about">{r('about')}</p>
    </>
  );
}
