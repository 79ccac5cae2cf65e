import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { writtenDays } from '../../../guide/topics.js';
import type { WizardAnswers, WizardContext } from '../../../guide/wizard.js';
import { api } from '../api.js';
import { byId } from '../dom.js';
import { lang, onLangChange, setLang, setupLangSwitch } from '../i18n.js';
import type { Lang } from '../texts.js';
import { Finder, type Results } from './finder.js';
import { StationMap } from './map.js';
import { gt } from './texts.js';
import { Topics } from './topics.js';
import type { ElectionsReply, PageStation, StationsReply, TopicReply, TopicsReply } from './types.js';
import { answersFromHash, hashOf, Wizard } from './wizard.js';
import './guide.css';

// /guide: "Can I vote?" (the wizard), the station finder with its map, and the questions and answers. The
// language and the election are kept in the address (?lang=en&election=pres-2024), the wizard's answers in its
// hash, so a reload or a shared link opens the same page.

function fromAddress(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

function writeAddress(next: { lang?: Lang; answers?: WizardAnswers }): void {
  const url = new URL(location.href);
  if (next.lang) url.searchParams.set('lang', next.lang);
  if (next.answers) url.hash = hashOf(next.answers);
  history.replaceState(null, '', url.href);
}

type Phase = 'loading' | 'ready' | 'failed' | 'empty';

function GuidePage() {
  const [, setLangState] = useState<Lang>(lang());
  const [phase, setPhase] = useState<Phase>('loading');
  const [data, setData] = useState<StationsReply | null>(null);
  const [topics, setTopics] = useState<TopicReply[]>([]);
  const [answers, setAnswers] = useState<WizardAnswers>({});
  const [results, setResults] = useState<Results | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    onLangChange((next) => {
      writeAddress({ lang: next });
      setLangState(next);
    });
  }, []);

  // The stations of the election in the address, else of the latest one that has stations.
  useEffect(() => {
    (async () => {
      let election = fromAddress('election');
      if (!election) {
        const list = await api<ElectionsReply>('GET', '/api/guide/elections');
        election = list.data?.default ?? null;
        if (list.status !== 200) return setPhase('failed');
        if (!election) return setPhase('empty');
      }
      const reply = await api<StationsReply>(
        'GET',
        `/api/guide/elections/${encodeURIComponent(election)}/stations`,
      );
      if (reply.status !== 200 || !reply.data) return setPhase('failed');
      setData(reply.data);
      setPhase('ready');
    })().catch(() => setPhase('failed'));
  }, []);

  const current = lang();
  const electionId = data?.election.id;
  useEffect(() => {
    const query = `lang=${current}${electionId ? `&election=${encodeURIComponent(electionId)}` : ''}`;
    (async () => {
      const list = await api<TopicsReply>('GET', `/api/guide/topics?lang=${current}`);
      const ids = list.data?.topics.map((topic) => topic.id) ?? [];
      const full = await Promise.all(
        ids.map((id) => api<TopicReply>('GET', `/api/guide/topics/${encodeURIComponent(id)}?${query}`)),
      );
      setTopics(full.flatMap((reply) => (reply.data ? [reply.data] : [])));
    })().catch(() => setTopics([]));
  }, [current, electionId]);

  const context = useMemo<WizardContext | null>(
    () =>
      data && {
        election: { id: data.election.id, title: data.election.title },
        stations: data.stations,
        cities: data.cities,
      },
    [data],
  );

  // The answers in the hash, once the stations are known (a city is an answer only if it has a station).
  useEffect(() => {
    if (context) setAnswers(answersFromHash(location.hash, context));
  }, [context]);

  const titles = useMemo(() => new Map(topics.map((topic) => [topic.id, topic.title])), [topics]);
  const t = gt();
  const chooseAnswers = (next: WizardAnswers) => {
    setAnswers(next);
    writeAddress({ answers: next });
  };
  const showTopic = (id: string) => {
    setOpen((before) => new Set([...before, id]));
    requestAnimationFrame(() => {
      const node = document.getElementById(`topic-${id}`);
      if (node instanceof HTMLDetailsElement) node.open = true;
      node?.scrollIntoView({ block: 'start' });
      node?.querySelector('summary')?.focus();
    });
  };
  const selectOnMap = (stations: PageStation[]) => {
    setResults({ stations, kind: 'map', message: null, didYouMean: [] });
    requestAnimationFrame(() => {
      const card = document
        .getElementById(`finder-results-start`)
        ?.querySelector<HTMLElement>('.station-card');
      card?.scrollIntoView({ block: 'center' });
      card?.focus();
    });
  };

  const ended = data ? (data.election.days.at(-1) ?? '') < new Date().toISOString().slice(0, 10) : false;
  return (
    <>
      <h1>{t.heading}</h1>
      <p class="lead">{t.lead}</p>
      {phase === 'loading' && <p role="status">{t.loading}</p>}
      {phase === 'failed' && <p class="notice">{t.loadFailed}</p>}
      {phase === 'empty' && <p class="notice">{t.noElection}</p>}
      {data && (
        <p class="election-line">
          {t.electionLine(data.election.title[current], writtenDays(data.election.days, current))}{' '}
          {ended && !data.running && t.pastElection}
        </p>
      )}
      {data?.running && (
        <p class="notice running">
          {t.running} <a href={`/count/${encodeURIComponent(data.election.id)}`}>{t.liveLink}</a>
        </p>
      )}
      {data && context && (
        <>
          <section class="guide-section" aria-labelledby="wizard-heading" id="wizard">
            <h2 id="wizard-heading">{t.wizardHeading}</h2>
            <p class="hint">{t.wizardLead}</p>
            <Wizard
              context={context}
              stations={data.stations}
              answers={answers}
              onAnswers={chooseAnswers}
              onTopic={showTopic}
              titles={titles}
            />
          </section>
          <section class="guide-section" aria-labelledby="finder-heading" id="finder">
            <h2 id="finder-heading">{t.finderHeading}</h2>
            <div id="finder-results-start">
              <Finder
                election={data.election.id}
                stations={data.stations}
                cities={data.cities}
                results={results}
                onResults={setResults}
              />
            </div>
            <h3 id="map-heading">{t.mapHeading}</h3>
            <StationMap stations={data.stations} focus={results?.stations ?? []} onSelect={selectOnMap} />
          </section>
        </>
      )}
      <section class="guide-section" aria-labelledby="topics-heading" id="topics">
        <h2 id="topics-heading">{t.topicsHeading}</h2>
        <p class="hint">{t.topicsLead}</p>
        <Topics topics={topics} open={open} />
      </section>
    </>
  );
}

const asked = fromAddress('lang');
if (asked === 'ru' || asked === 'en') setLang(asked);
setupLangSwitch();
writeAddress({ lang: lang() });
render(<GuidePage />, byId('guide'));
