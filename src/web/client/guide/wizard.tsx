import { useEffect, useRef, useState } from 'preact/hooks';
import {
  answerWithPlace,
  answerWizard,
  type ChecklistItem,
  ELSEWHERE,
  WIZARD_QUESTIONS,
  type WizardAnswers,
  type WizardContext,
  wizardBack,
  wizardScreen,
} from '../../../guide/wizard.js';
import { lang } from '../i18n.js';
import { StationCard } from './station-card.js';
import { gt } from './texts.js';
import type { PageStation } from './types.js';

// "Can I vote?": the same pure wizard the bot runs (src/guide/wizard.ts), one question at a time with big
// buttons, then the checklist. The answers live in the address's hash, so a reload keeps them.

/** The answers in the hash, replayed through the wizard so that an edited address cannot skip a question. */
export function answersFromHash(hash: string, context: WizardContext): WizardAnswers {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  let answers: WizardAnswers = {};
  // Question by question as the wizard asks them (a question that does not apply is never asked).
  for (let step = 0; step < WIZARD_QUESTIONS.length; step++) {
    const screen = wizardScreen(answers, context, lang());
    if (screen.kind !== 'question') break;
    const value = params.get(screen.question);
    if (value === null) break;
    const next = answerWizard(answers, value, context, lang());
    if (next === answers) break;
    answers = next;
  }
  return answers;
}

export function hashOf(answers: WizardAnswers): string {
  const params = new URLSearchParams();
  for (const question of WIZARD_QUESTIONS) {
    const value = answers[question];
    if (value !== undefined) params.set(question, value);
  }
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** More options than this get a box to narrow them (the countries: forty-odd buttons on a phone). */
const MANY_OPTIONS = 10;

/** The countries whose stations keep this device's clock: the likely answer, offered first. */
function nearbyCountries(stations: readonly PageStation[]): Set<string> {
  let zone = '';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return new Set();
  }
  return new Set(stations.filter((s) => s.timezone === zone).map((s) => s.country));
}

const fold = (text: string) => text.toLocaleLowerCase().replaceAll('ё', 'е');

const ICONS: Record<ChecklistItem['status'], string> = { ok: '✓', todo: '!', stop: '✕' };

export function Wizard(props: {
  context: WizardContext;
  stations: readonly PageStation[];
  answers: WizardAnswers;
  onAnswers: (answers: WizardAnswers) => void;
  onTopic: (topic: string) => void;
  /** The topics' titles, for links that say where they lead. */
  titles: ReadonlyMap<string, string>;
}) {
  const t = gt();
  const { context, answers, onAnswers } = props;
  const screen = wizardScreen(answers, context, lang());
  const heading = useRef<HTMLHeadingElement>(null);
  const acted = useRef(false);
  const answered = Object.keys(answers).length;
  const choose = (next: WizardAnswers) => {
    acted.current = true;
    onAnswers(next);
  };

  // After each answer the next question (or the checklist) takes the focus, so a screen reader reads it; the
  // answers read from the address on opening the page do not move the focus.
  useEffect(() => {
    if (acted.current) heading.current?.focus();
    acted.current = false;
  }, [answered]);

  const back =
    answered > 0 ? (
      <button type="button" class="quiet wizard-back" onClick={() => choose(wizardBack(answers))}>
        ← {t.back}
      </button>
    ) : null;

  const [filter, setFilter] = useState('');
  const [unknownPlace, setUnknownPlace] = useState(false);
  useEffect(() => {
    setFilter('');
    setUnknownPlace(false);
  }, [answered]);

  if (screen.kind === 'question') {
    // A place may be typed (a city answers the country and the city at once), as in the bot.
    const typed = screen.question === 'country' || screen.options.length > MANY_OPTIONS;
    const nearby = screen.question === 'country' ? nearbyCountries(props.stations) : new Set<string>();
    const ordered = [
      ...screen.options.filter((option) => nearby.has(option.value)),
      ...screen.options.filter((option) => !nearby.has(option.value)),
    ];
    // Typing narrows the list to the names that contain the text ("Другая страна" stays); a city's name, which
    // no country's contains, narrows nothing.
    const text = fold(filter.trim());
    const narrowed = ordered.filter(
      (option) => option.value !== ELSEWHERE && fold(option.label).includes(text),
    );
    const options =
      text !== '' && narrowed.length > 0
        ? [...narrowed, ...ordered.filter((option) => option.value === ELSEWHERE)]
        : ordered;
    return (
      <div class="wizard">
        <p class="wizard-progress">{t.progress(screen.number, screen.total)}</p>
        <progress class="wizard-bar" max={screen.total} value={screen.number - 1} aria-hidden="true" />
        <h3 class="wizard-question" tabIndex={-1} ref={heading} id="wizard-question">
          {screen.text}
        </h3>
        {typed && (
          <form
            class="wizard-filter"
            onSubmit={(event) => {
              event.preventDefault();
              const next = answerWithPlace(answers, filter, context, lang());
              if (next && next !== answers) choose(next);
              else setUnknownPlace(true);
            }}
          >
            <label for="wizard-filter">{t.typePlace}</label>
            <div class="row">
              <input
                id="wizard-filter"
                type="search"
                autocomplete="off"
                maxLength={80}
                value={filter}
                aria-describedby={unknownPlace ? 'wizard-unknown' : undefined}
                onInput={(event) => {
                  setFilter((event.target as HTMLInputElement).value);
                  setUnknownPlace(false);
                }}
              />
              <button type="submit">{t.typePlaceNext}</button>
            </div>
            {unknownPlace && (
              <p id="wizard-unknown" class="hint" role="status">
                {t.unknownPlace}
              </p>
            )}
          </form>
        )}
        <ul class="wizard-options" aria-labelledby="wizard-question">
          {options.map((option) => (
            <li key={option.value}>
              <button
                type="button"
                class="choice big"
                onClick={() => choose(answerWizard(answers, option.value, context, lang()))}
              >
                {option.label}
              </button>
            </li>
          ))}
        </ul>
        {back}
      </div>
    );
  }

  const byNumber = new Map(props.stations.map((s) => [s.station, s]));
  const status = { ok: t.statusOk, todo: t.statusTodo, stop: t.statusStop };
  return (
    <div class={`wizard checklist verdict-${screen.verdict}`}>
      <h3 class="wizard-question" tabIndex={-1} ref={heading}>
        {screen.heading}
      </h3>
      <ul class="checklist-items">
        {screen.items.map((item) => (
          <li key={item.kind} class={`item status-${item.status}`}>
            <span class="item-icon" aria-hidden="true">
              {ICONS[item.status]}
            </span>
            <div class="item-body">
              <span class="visually-hidden">{status[item.status]}: </span>
              <p class="item-text">{item.text}</p>
              <a
                href={`#topic-${item.topic}`}
                aria-label={
                  props.titles.has(item.topic)
                    ? t.readMoreAbout(props.titles.get(item.topic) ?? '')
                    : undefined
                }
                onClick={(event) => {
                  event.preventDefault();
                  props.onTopic(item.topic);
                }}
              >
                {t.readMore}
              </a>
            </div>
          </li>
        ))}
      </ul>
      {screen.stations.length > 0 && (
        <section class="checklist-stations" aria-labelledby="checklist-stations">
          <h4 id="checklist-stations">{t.yourStations}</h4>
          {screen.stations.map((station) => {
            const full = byNumber.get(station.station);
            return full ? (
              <StationCard key={station.station} election={context.election.id} station={full} level={4} />
            ) : null;
          })}
        </section>
      )}
      <div class="wizard-actions">
        {back}
        <button type="button" class="quiet" onClick={() => choose({})}>
          {t.restart}
        </button>
      </div>
    </div>
  );
}
