import { useState } from 'preact/hooks';
import { lang } from '../i18n.js';
import { AGE_GROUPS, type AgeGroup, doorName, type Gender, wholeNumber } from './actions.js';
import { InviteCard } from './invite-card.js';
import type { PollAnswer, Session } from './journal.js';
import { ReviewCard } from './review-card.js';
import type { InviteResult } from './server.js';
import type { Summary } from './summary.js';
import type { SyncProblem } from './sync.js';
import { COUNT_TEXTS, type CountTexts } from './texts.js';

// The counter's screens. Everything the server or the volunteer wrote is shown as text, never as markup.

export type Screen =
  | { kind: 'loading' }
  | { kind: 'storage-error' }
  | { kind: 'insecure' }
  | { kind: 'joining' }
  | { kind: 'join-failed'; reason: 'refused' | 'offline' | 'busy'; canReturn: boolean }
  | { kind: 'no-session' }
  | { kind: 'erased' }
  | { kind: 'counter'; session: Session; summary: Summary };

export interface Shown {
  screen: Screen;
  online: boolean;
  pending: number;
  sending: boolean;
  problem: SyncProblem | null;
  /** How far the phone's clock is off, in milliseconds (clock.ts). */
  clockOffset: number;
  /** A short confirmation of an undo or an answer, or a failure to save, until the next action. */
  notice:
    | { kind: 'undone'; mine: number }
    | { kind: 'answered'; answer: PollAnswer }
    | { kind: 'answer-withdrawn' }
    | { kind: 'answer-sent' }
    | { kind: 'save-failed' }
    | null;
  /** Whether the latest exit-poll answer is still on the phone only, and so can be taken back. */
  answerUnsent: boolean;
}

export interface Actions {
  tap(): void;
  undo(): void;
  startShift(door: string): void;
  endShift(): void;
  reportQueue(people: number, waitMinutes: number): void;
  answer(answer: PollAnswer, gender: Gender | null, age: AgeGroup | null): void;
  /** Takes back the latest answer if it is not sent yet. */
  withdrawAnswer(): void;
  setMode(mode: Mode): void;
  retrySync(): void;
  retryJoin(): void;
  toCounter(): void;
  erase(): void;
  /** A coordinator's single-use invite for a volunteer at their station. */
  invite(): Promise<InviteResult>;
}

type Mode = NonNullable<Session['mode']>;

/** A clock off by less than this is left unmentioned (the counter corrects it anyway). */
const CLOCK_WARNING_MS = 5 * 60_000;

const words = (): CountTexts => COUNT_TEXTS[lang()];

const time = (iso: string) => new Intl.DateTimeFormat(lang(), { timeStyle: 'short' }).format(new Date(iso));

/** Online or not, and how many actions wait to be sent: in the header, on every screen. */
export function NetStatus({ shown }: { shown: Shown }) {
  const w = words();
  const sent = shown.sending ? w.sending : shown.pending === 0 ? w.allSent : w.pending(shown.pending);
  return (
    <>
      <span class={shown.online ? 'net-dot online' : 'net-dot offline'} aria-hidden="true" />
      <span id="net-state">{shown.online ? w.online : w.offline}</span>
      {' · '}
      <span id="pending" data-pending={shown.pending}>
        {sent}
      </span>
    </>
  );
}

export function Page({ shown, actions }: { shown: Shown; actions: Actions }) {
  const w = words();
  const { screen } = shown;
  switch (screen.kind) {
    case 'loading':
      return null;
    case 'storage-error':
      return <p class="count-message warning">{w.storageError}</p>;
    case 'insecure':
      return <p class="count-message warning">{w.insecure}</p>;
    case 'joining':
      return <p class="count-message">{w.joining}</p>;
    case 'no-session':
      return <p class="count-message">{w.noSession}</p>;
    case 'erased':
      return <p class="count-message">{w.erased}</p>;
    case 'join-failed':
      return (
        <div class="count-message">
          <p class={screen.reason === 'refused' ? 'warning' : ''} role="alert">
            {screen.reason === 'refused'
              ? w.joinRefused
              : screen.reason === 'busy'
                ? w.joinBusy
                : w.joinOffline}
          </p>
          {screen.reason !== 'refused' && (
            <button type="button" onClick={actions.retryJoin}>
              {w.tryAgain}
            </button>
          )}
          {screen.canReturn && (
            <button type="button" class="quiet" onClick={actions.toCounter}>
              {w.backToCounter}
            </button>
          )}
        </div>
      );
    case 'counter':
      return <Counter shown={shown} session={screen.session} summary={screen.summary} actions={actions} />;
  }
}

function Counter({
  shown,
  session,
  summary,
  actions,
}: {
  shown: Shown;
  session: Session;
  summary: Summary;
  actions: Actions;
}) {
  const w = words();
  const total = session.stationCount;
  const coordinator = session.role === 'coordinator';
  // A session that was a coordinator's review and is not (a volunteer's phone) shows the counter.
  const mode = session.mode === 'review' && !coordinator ? 'count' : (session.mode ?? 'count');
  return (
    <>
      <h1 class="station">{w.station(session.station)}</h1>
      <p class="election">{session.electionTitle?.[lang()] ?? w.election(session.election)}</p>
      {Math.abs(shown.clockOffset) >= CLOCK_WARNING_MS && (
        <p id="clock-off" class="warning">
          {w.clockOff(Math.round(Math.abs(shown.clockOffset) / 60_000))}
        </p>
      )}
      <SyncTrouble problem={shown.problem} retry={actions.retrySync} />
      <ModeTabs mode={mode} setMode={actions.setMode} coordinator={coordinator} />
      {mode === 'review' ? (
        <ReviewCard session={session} online={shown.online} />
      ) : mode === 'poll' ? (
        <PollView
          answers={session.answers ?? []}
          count={summary.answers}
          unsent={shown.answerUnsent}
          notice={shown.notice}
          actions={actions}
        />
      ) : (
        <>
          <div class="tallies">
            <p class="tally">
              <span class="tally-label">{w.mine}</span>
              <output id="mine" class="tally-value" aria-live="polite">
                {summary.mine}
              </output>
            </p>
            <p class="tally">
              <span class="tally-label">{w.stationTotal}</span>
              <span id="station-total" class="tally-value">
                {total?.value ?? '—'}
              </span>
              <span class="tally-note">
                {total === undefined || total.value === null ? w.stationUnknown : w.asOf(time(total.at))}
              </span>
            </p>
          </div>
          <button
            type="button"
            id="tap"
            class="tap"
            aria-label={`${w.tap}: ${w.tapLabel}`}
            onClick={actions.tap}
          >
            {w.tap}
          </button>
          <button
            type="button"
            id="undo"
            class="quiet undo"
            disabled={summary.undoable === null}
            onClick={actions.undo}
          >
            {w.undo}
          </button>
          <p
            id="notice"
            class={shown.notice?.kind === 'save-failed' ? 'notice warning' : 'notice'}
            role="status"
          >
            {noticeText(shown.notice)}
          </p>
          <ShiftCard door={session.door} shift={summary.shift} actions={actions} />
          <QueueCard last={summary.lastQueue} report={actions.reportQueue} />
        </>
      )}
      {session.role === 'coordinator' && (
        <InviteCard station={session.station} online={shown.online} make={actions.invite} />
      )}
      <FinishCard pending={shown.pending} erase={actions.erase} />
    </>
  );
}

function SyncTrouble({ problem, retry }: { problem: SyncProblem | null; retry: () => void }) {
  if (!problem) return null;
  const w = words();
  return (
    <div class="sync-trouble" role="alert">
      <p>{problem.kind === 'token' ? w.refusedToken : w.refusedBatch(problem.reason)}</p>
      <button type="button" onClick={retry}>
        {w.sendAgain}
      </button>
    </div>
  );
}

function ShiftCard({ door, shift, actions }: { door: string; shift: Summary['shift']; actions: Actions }) {
  const w = words();
  // What the volunteer types; the door of the last shift until they change it.
  const [draft, setDraft] = useState(door === 'main' ? '' : door);
  const [invalid, setInvalid] = useState(false);
  const start = (event: Event) => {
    event.preventDefault();
    const name = doorName(draft);
    setInvalid(name === null);
    if (name !== null) actions.startShift(name);
  };
  return (
    <section class="count-card" aria-labelledby="shift-heading">
      <h2 id="shift-heading" class="card-heading">
        {w.shift}
      </h2>
      <p id="shift-state">{shift ? w.shiftOn(w.doorName(shift.door), time(shift.since)) : w.shiftOff}</p>
      {shift ? (
        <button type="button" id="shift-end" onClick={actions.endShift}>
          {w.shiftEnd}
        </button>
      ) : (
        <form class="shift-form" onSubmit={start}>
          <label for="door">{w.door}</label>
          <input
            id="door"
            value={draft}
            placeholder={w.doorPlaceholder}
            maxLength={40}
            autoComplete="off"
            aria-describedby="door-hint"
            aria-invalid={invalid}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <p id="door-hint" class={invalid ? 'hint warning' : 'hint'}>
            {invalid ? w.doorInvalid : w.doorHint}
          </p>
          <button type="submit" id="shift-start">
            {w.shiftStart}
          </button>
        </form>
      )}
    </section>
  );
}

function QueueCard({
  last,
  report,
}: {
  last: Summary['lastQueue'];
  report: (people: number, waitMinutes: number) => void;
}) {
  const w = words();
  const [people, setPeople] = useState('');
  const [wait, setWait] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    const count = wholeNumber(people, 100_000);
    const minutes = wholeNumber(wait, 24 * 60);
    setInvalid(count === null || minutes === null);
    if (count === null || minutes === null) return;
    report(count, minutes);
    setPeople('');
    setWait('');
  };
  return (
    <section class="count-card" aria-labelledby="queue-heading">
      <h2 id="queue-heading" class="card-heading">
        {w.queue}
      </h2>
      <form class="queue-form" onSubmit={submit}>
        <div class="queue-fields">
          <div>
            <label for="queue-people">{w.queuePeople}</label>
            <input
              id="queue-people"
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete="off"
              value={people}
              onInput={(event) => setPeople(event.currentTarget.value)}
            />
          </div>
          <div>
            <label for="queue-wait">{w.queueWait}</label>
            <input
              id="queue-wait"
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete="off"
              value={wait}
              onInput={(event) => setWait(event.currentTarget.value)}
            />
          </div>
        </div>
        {invalid && <p class="hint warning">{w.queueInvalid}</p>}
        <button type="submit" id="queue-send">
          {w.queueSend}
        </button>
      </form>
      {last && (
        <p id="queue-last" class="hint">
          {w.queueLast(last.people, last.waitMinutes, time(last.at))}
        </p>
      )}
    </section>
  );
}

function FinishCard({ pending, erase }: { pending: number; erase: () => void }) {
  const w = words();
  // The first press arms the button, the second erases: no dialog, and no erasing by a stray tap.
  const [armed, setArmed] = useState(false);
  return (
    <details class="count-card finish">
      <summary>{w.finish}</summary>
      <p>{w.finishHint}</p>
      {pending > 0 ? (
        <p class="hint">{w.finishWait}</p>
      ) : (
        <button
          type="button"
          id="erase"
          class={armed ? 'danger' : 'quiet'}
          onClick={() => (armed ? erase() : setArmed(true))}
        >
          {armed ? w.eraseConfirm : w.erase}
        </button>
      )}
    </details>
  );
}

function noticeText(notice: Shown['notice']): string {
  const w = words();
  switch (notice?.kind) {
    case 'undone':
      return w.undone(notice.mine);
    case 'answered':
      return w.answered(notice.answer[lang()]);
    case 'answer-withdrawn':
      return w.answerWithdrawn;
    case 'answer-sent':
      return w.answerSent;
    case 'save-failed':
      return w.saveFailed;
    default:
      return '';
  }
}

/**
 * Counting the people who go in, or the exit poll: a volunteer usually does one or the other for a while. A
 * coordinator also has the station's review.
 */
function ModeTabs({
  mode,
  setMode,
  coordinator,
}: {
  mode: Mode;
  setMode: (mode: Mode) => void;
  coordinator: boolean;
}) {
  const w = words();
  const tab = (which: Mode, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${which}`}
      aria-selected={mode === which}
      onClick={() => mode !== which && setMode(which)}
    >
      {label}
    </button>
  );
  return (
    <div class="tabs mode-tabs" role="tablist">
      {tab('count', w.modeCount)}
      {tab('poll', w.modeTabPoll)}
      {coordinator && tab('review', w.modeReview)}
    </div>
  );
}

const GENDERS: readonly Gender[] = ['female', 'male', 'other'];
/** Every election's last three answers (count-spec.md): long names, each given a row of its own. */
const CLOSING_ANSWERS = new Set(['invalid', 'removed', 'declined']);

/**
 * One tap per respondent: the election's answers in its order, the candidates two to a row, "declined" across
 * the bottom where it is always found, and the optional gender and age above them, cleared after each answer so that they never carry over to
 * the next person.
 */
function PollView({
  answers,
  count,
  unsent,
  notice,
  actions,
}: {
  answers: PollAnswer[];
  count: number;
  unsent: boolean;
  notice: Shown['notice'];
  actions: Actions;
}) {
  const w = words();
  const [gender, setGender] = useState<Gender | null>(null);
  const [age, setAge] = useState<AgeGroup | null>(null);
  if (answers.length === 0) return <p class="count-message">{w.pollNoAnswers}</p>;
  const candidates = answers.filter((a) => !CLOSING_ANSWERS.has(a.id));
  const closing = answers.filter((a) => CLOSING_ANSWERS.has(a.id));
  const pick = (answer: PollAnswer) => {
    actions.answer(answer, gender, age);
    setGender(null);
    setAge(null);
  };
  const answerButton = (answer: PollAnswer, extra = '') => (
    <button
      type="button"
      class={`poll-answer${extra}`}
      data-answer={answer.id}
      lang={lang()}
      onClick={() => pick(answer)}
    >
      {answer[lang()]}
    </button>
  );
  return (
    <section class="poll" aria-label={w.modePoll}>
      <p class="tally poll-tally">
        <span class="tally-label">{w.pollCount}</span>
        <output id="poll-count" class="tally-value" aria-live="polite">
          {count}
        </output>
      </p>
      <fieldset class="chips">
        <legend>{w.gender}</legend>
        {GENDERS.map((g) => (
          <button
            type="button"
            data-gender={g}
            aria-pressed={gender === g}
            onClick={() => setGender(gender === g ? null : g)}
          >
            {w.genders[g]}
          </button>
        ))}
      </fieldset>
      <fieldset class="chips">
        <legend>{w.age}</legend>
        {AGE_GROUPS.map((group, i) => (
          <button
            type="button"
            data-age={group}
            aria-pressed={age === group}
            onClick={() => setAge(age === group ? null : group)}
          >
            {i + 1 < AGE_GROUPS.length ? `${group}–${(AGE_GROUPS[i + 1] ?? 0) - 1}` : `${group}+`}
          </button>
        ))}
      </fieldset>
      <div class="poll-answers">{candidates.map((a) => answerButton(a))}</div>
      {closing.map((a) => answerButton(a, a.id === 'declined' ? ' closing declined' : ' closing'))}
      <p id="poll-notice" class={notice?.kind === 'save-failed' ? 'notice warning' : 'notice'} role="status">
        {noticeText(notice)}
      </p>
      <button
        type="button"
        id="poll-undo"
        class="quiet undo"
        disabled={!unsent}
        onClick={actions.withdrawAnswer}
      >
        {w.pollUndo}
      </button>
      <p class="hint">{w.pollUndoHint}</p>
      <p class="hint">{w.pollHint}</p>
    </section>
  );
}
