import { render } from 'preact';
import { coreButtons } from '../../dialogue/buttons.js';
import { api, refusal } from './api.js';
import { byId } from './dom.js';
import { lang, onLangChange, setLang, setupLangSwitch, t } from './i18n.js';
import {
  drawLog,
  type Entry,
  hasChart,
  type Log,
  type LogActions,
  type Message,
  type MessageEntry,
  type MineEntry,
  markUndone,
  practiceReplies,
} from './practice-log.js';
import { SafeLink } from './safe-link.js';
import { Sparkline } from './sparkline.js';
import type { Lang } from './texts.js';
import { parseTyped, type Typed } from './typed-command.js';

// The practice page: one web session with the engine, shown as three panels (practice, advice, topics).
// Preact renders every text from the server or the user as text, never as markup.

interface State {
  mode: string;
  lang: Lang;
  persona: string | null;
  openness: number | null;
  turn: number | null;
  trail: number[];
}

interface Reply {
  messages: Message[];
  state: State;
  /** When the step finished a practice: the openness after each turn, for the summary's line. */
  finished?: { outcome: string; openness: number[] };
}

interface Session extends Reply {
  id: string;
}

interface Position {
  id: string;
  title: string;
  group: string;
  practiceButton: string;
  examples: string[];
  needs: string[];
  answers: { relate: string; unite: string; ask: string }[];
  counterarguments: {
    claim: string;
    source: { url: string; publisher: string; title: string; year: number };
  }[];
  pitfalls: { avoid: string; why: string }[];
}

interface Positions {
  groups: Record<string, string>;
  positions: Position[];
}

type Event = { text: string } | { button: string } | { command: string; argument?: string; lang?: Lang };

const SESSION_KEY = 'sobesednik-session';
/** What the answers of /settings send: `menu:gender:female` and the like. */
const GENDER_BUTTON = coreButtons.userGender('none').replace(/none$/, '');
const LOG_KEY = 'sobesednik-log';

const practiceLog: Log = { node: byId('practice-log'), entries: [] };
const adviceLog: Log = { node: byId('advice-log'), entries: [] };
const practiceInput = byId<HTMLTextAreaElement>('practice-input');
const adviceInput = byId<HTMLTextAreaElement>('advice-input');

/** The session id (also in the httpOnly cookie); kept for this tab only, so a reload continues it. */
let session = sessionStorage.getItem(SESSION_KEY);
let state: State | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextKey = 0;

function status(text: string): void {
  byId('status').textContent = text;
}

function failed(error: unknown): void {
  status(
    error instanceof TypeError ? t('networkError') : error instanceof Error ? error.message : String(error),
  );
}

function practising(): boolean {
  return state?.mode === 'practice';
}

const actions: LogActions = {
  press(data, log) {
    send({ button: data }, log);
    // The choice of endings, made before any practice, leaves the practice panel without its choice of
    // relative (those buttons went stale): offer it again.
    if (data.startsWith(GENDER_BUTTON) && log === practiceLog)
      enqueue(async () => {
        if (!practising()) await deliver({ command: 'practice' }, practiceLog);
      });
  },
  useRewrite(text) {
    practiceInput.value = text;
    practiceInput.focus();
  },
  lang,
};

function draw(log: Log): void {
  drawLog(log, actions);
}

// ---- the conversation kept for a reload ------------------------------------------------------------------

/**
 * The logs and the state, in this tab's sessionStorage, so that a reload shows the conversation where it was.
 * The server keeps the engine's state under the session's key but never what was typed; the text lives only
 * here, in the browser, and goes with the tab or with "Delete everything about me".
 */
interface Saved {
  state: State;
  nextKey: number;
  practice: Entry[];
  advice: Entry[];
}

function save(): void {
  if (!state) return;
  const saved: Saved = { state, nextKey, practice: practiceLog.entries, advice: adviceLog.entries };
  try {
    sessionStorage.setItem(LOG_KEY, JSON.stringify(saved));
  } catch {
    // Storage full or off: the conversation goes on, only a reload will start afresh.
  }
}

function restore(): boolean {
  try {
    const saved = JSON.parse(sessionStorage.getItem(LOG_KEY) ?? 'null') as Saved | null;
    if (!saved?.state) return false;
    state = saved.state;
    nextKey = saved.nextKey;
    practiceLog.entries = saved.practice;
    adviceLog.entries = saved.advice;
    return true;
  } catch {
    return false;
  }
}

// ---- talking to the server -------------------------------------------------------------------------------

async function createSession(): Promise<Session> {
  const reply = await api<Session>('POST', '/api/sessions', { lang: lang() });
  if (reply.status !== 201 || !reply.data) throw refusal(reply);
  session = reply.data.id;
  sessionStorage.setItem(SESSION_KEY, session);
  state = reply.data.state;
  return reply.data;
}

/** One event; a session whose cookie is gone (403) is replaced by a new one and the event sent again. */
async function post(event: Event): Promise<Reply> {
  if (!session) await createSession();
  let reply = await api<Reply>('POST', `/api/sessions/${session}/events`, event);
  if (reply.status === 403) {
    await createSession();
    reply = await api<Reply>('POST', `/api/sessions/${session}/events`, event);
  }
  if (reply.status !== 200 || !reply.data) throw refusal(reply);
  return reply.data;
}

/**
 * The conversation follows the page's language, in a practice too. The engine's own "I speak English now" is
 * not shown: the page's switch already says so, and that message is written in both languages for the bot.
 */
async function syncLang(): Promise<void> {
  if (!state || state.lang === lang()) return;
  const reply = await post({ command: 'lang', argument: lang() });
  state = reply.state;
}

interface Delivery {
  echo?: string;
  /** The user acted: keyboard focus follows the conversation. */
  focus?: boolean;
  /** The page scrolls to the new messages; by default when the user acted, never on load. */
  scroll?: boolean;
}

/** One event and its rendering. */
async function deliver(event: Event, origin: Log, options: Delivery = {}): Promise<void> {
  const { echo, focus = false, scroll = focus } = options;
  const log = practising() ? practiceLog : origin;
  log.node.setAttribute('aria-busy', 'true');
  status('');
  try {
    if (!('command' in event && event.command === 'lang')) await syncLang();
    let answers: number | undefined;
    if (echo !== undefined) {
      // Text in a practice is a reply to the relative: an exchange that "try again" can take back.
      const entry: MineEntry = { key: nextKey++, mine: echo };
      if ('text' in event && practising()) {
        entry.reply = true;
        answers = entry.key;
      }
      log.entries.push(entry);
      draw(log);
      save();
    }
    show(await post(event), origin, { focus, scroll, answers });
  } catch (error) {
    failed(error);
  } finally {
    log.node.removeAttribute('aria-busy');
  }
}

/** Events go one at a time, in order, so the log reads as the engine answered. */
function enqueue(work: () => Promise<unknown>): Promise<unknown> {
  queue = queue.then(work).catch(failed);
  return queue;
}

function send(event: Event, origin: Log, options: Delivery = { focus: true }): Promise<unknown> {
  return enqueue(() => deliver(event, origin, options));
}

// ---- showing a reply -------------------------------------------------------------------------------------

function updateMeter(before: State | null, undone: boolean): void {
  const box = byId('meter-box');
  box.hidden = !practising();
  if (!state || !practising()) return;
  const value = Math.round(state.openness ?? 0);
  byId<HTMLMeterElement>('meter').value = value;
  const previous =
    before?.mode === 'practice' && before.persona === state.persona && before.openness !== null
      ? Math.round(before.openness)
      : null;
  const delta = previous === null || undone ? 0 : value - previous;
  const output = byId('meter-value');
  // An undone turn is no progress: the value it went back to, said so, in neither colour.
  const note = undone ? ` (${t('meterUndone')})` : delta === 0 ? '' : ` (${delta > 0 ? '+' : ''}${delta})`;
  render(
    <>
      {value}
      {note && <span class="meter-note">{note}</span>}
    </>,
    output,
  );
  output.className = `meter-value${delta > 0 ? ' up' : delta < 0 ? ' down' : ''}`;
  const label = state.trail.map((value) => Math.round(value)).join(' → ');
  render(<Sparkline values={state.trail} label={label} />, byId('trail'));
}

function updateForms(): void {
  byId('practice-hint').textContent = practising() ? '' : t('notPractising');
  byId('advice-warning').hidden = !practising();
  // In a practice the reply box stays at the bottom of the screen (style.css): always within reach.
  byId('panel-practice').classList.toggle('practising', practising());
}

/**
 * Puts a new message's top just under the sticky openness meter: after a reply that is the verdict, which the
 * meter would otherwise cover. The meter's own height, not its place now: once scrolled, it sticks at the top.
 */
function bringIntoView(node: Element | undefined): void {
  if (!node) return;
  const meter = byId('meter-box');
  const covered = meter.hidden ? 0 : meter.offsetHeight;
  window.scrollBy({ top: node.getBoundingClientRect().top - covered - 8, behavior: 'instant' });
}

interface Shown {
  focus: boolean;
  scroll: boolean;
  /** The key of the user's reply these messages answer. */
  answers: number | undefined;
}

/** Where a reply goes: practice (and its end) to the practice panel, anything else where it was asked. */
function show(reply: Reply, origin: Log, { focus, scroll, answers }: Shown): void {
  const before = state;
  const now = reply.state;
  state = now;
  const wasPractising = before?.mode === 'practice';
  const log = practising() || wasPractising ? practiceLog : origin;
  // "Try again" sends the practice one turn back.
  const undone =
    wasPractising &&
    practising() &&
    !reply.finished &&
    before.persona === now.persona &&
    (now.turn ?? 0) < (before.turn ?? 0);
  if (undone) markUndone(log);
  for (const entry of log.entries) if ('stale' in entry) entry.stale = true;
  const ended = wasPractising && !practising();
  const added = reply.messages.map((message): MessageEntry => {
    // The summary is the message of the ending that carries the openness chart.
    const summary = ended && hasChart(message.text);
    const chart = summary ? (reply.finished?.openness ?? before.trail) : undefined;
    return {
      key: nextKey++,
      message,
      lang: now.lang,
      summary,
      stale: false,
      ...(answers === undefined ? {} : { answers }),
      ...(chart ? { chart } : {}),
    };
  });
  log.entries.push(...added);
  // The summary keeps the practice's replies for its cheat sheet, the last reply's feedback included.
  for (const entry of added) if (entry.summary) entry.replies = practiceReplies(log);
  draw(log);
  updateMeter(before, undone);
  updateForms();
  save();
  if (log === practiceLog && (focus || scroll)) selectTab('practice');
  const nodes = added.length === 0 ? [] : [...log.node.children].slice(-added.length);
  if (scroll) bringIntoView(nodes[0]);
  if (!focus) return;
  // Keyboard users continue where the conversation goes on: the reply box, or the first new choice.
  const next = practising()
    ? practiceInput
    : nodes.flatMap((item) => [...item.querySelectorAll<HTMLElement>('button.choice')])[0];
  next?.focus({ preventScroll: true });
}

// ---- topics ----------------------------------------------------------------------------------------------

function TopicCard({ position }: { position: Position }) {
  return (
    <details class="card" id={`topic-${position.id}`}>
      <summary>{position.title}</summary>
      <h3>{t('examples')}</h3>
      <ul class="examples">
        {position.examples.map((example) => (
          <li>{example}</li>
        ))}
      </ul>
      <h3>{t('needs')}</h3>
      <ul>
        {position.needs.map((need) => (
          <li>{need}</li>
        ))}
      </ul>
      <h3>{t('answers')}</h3>
      <ol class="answers">
        {position.answers.map((answer) => (
          <li>
            <p>
              <strong>{`${t('relate')}: `}</strong>
              {answer.relate}
            </p>
            <p>
              <strong>{`${t('unite')}: `}</strong>
              {answer.unite}
            </p>
            <p>
              <strong>{`${t('ask')}: `}</strong>
              {answer.ask}
            </p>
          </li>
        ))}
      </ol>
      <h3>{t('facts')}</h3>
      <ul class="facts">
        {position.counterarguments.map(({ claim, source }) => (
          <li>
            <p>{claim}</p>
            <p class="source">
              <SafeLink
                url={source.url}
              >{`${source.publisher}, ${t('quote')(source.title)}, ${source.year}`}</SafeLink>
            </p>
          </li>
        ))}
      </ul>
      <h3>{t('pitfalls')}</h3>
      <ul class="pitfalls">
        {position.pitfalls.map(({ avoid, why }) => (
          <li>
            <p>
              <strong>{`${t('avoid')}: `}</strong>
              {avoid}
            </p>
            <p>
              <strong>{`${t('why')}: `}</strong>
              {why}
            </p>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => send({ button: position.practiceButton }, practiceLog)}>
        {t('practiseTopic')}
      </button>
    </details>
  );
}

/** The catalogue by group, skipping empty groups: as cards in the Topics panel and as the practice select. */
function grouped(data: Positions): [label: string, positions: Position[]][] {
  return Object.entries(data.groups)
    .map(([group, label]): [string, Position[]] => [label, data.positions.filter((p) => p.group === group)])
    .filter(([, positions]) => positions.length > 0);
}

async function loadTopics(): Promise<void> {
  const reply = await api<Positions>('GET', `/api/positions?lang=${lang()}`);
  if (reply.status !== 200 || !reply.data) throw refusal(reply);
  const groups = grouped(reply.data);
  render(
    groups.map(([label, positions]) => [
      <h2 key={label}>{label}</h2>,
      ...positions.map((position) => <TopicCard key={position.id} position={position} />),
    ]),
    byId('topics'),
  );
  render(
    groups.map(([label, positions]) => (
      <optgroup label={label}>
        {positions.map((position) => (
          <option value={position.practiceButton}>{position.title}</option>
        ))}
      </optgroup>
    )),
    byId('topic-select'),
  );
}

// ---- tabs (WAI-ARIA tabs: arrows move between them, Tab goes into the panel) -----------------------------

const TABS = ['practice', 'advice', 'topics'] as const;
type Tab = (typeof TABS)[number];

function selectTab(name: Tab, focus = false): void {
  for (const tab of TABS) {
    const button = byId(`tab-${tab}`);
    const selected = tab === name;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    byId(`panel-${tab}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
}

function setupTabs(): void {
  TABS.forEach((name, index) => {
    const button = byId(`tab-${name}`);
    button.addEventListener('click', () => selectTab(name));
    button.addEventListener('keydown', (event) => {
      const moves: Record<string, number> = {
        ArrowRight: 1,
        ArrowLeft: -1,
        Home: -index,
        End: TABS.length - 1 - index,
      };
      const move = moves[event.key];
      if (move === undefined) return;
      event.preventDefault();
      selectTab(TABS[(index + move + TABS.length) % TABS.length] ?? name, true);
    });
  });
}

// ---- forms -----------------------------------------------------------------------------------------------

/** Deletes the session on the server and the conversation kept in this tab, and starts afresh. */
function forgetAll(): void {
  enqueue(async () => {
    if (session) await api('DELETE', `/api/sessions/${session}`);
    sessionStorage.removeItem(SESSION_KEY);
    sessionStorage.removeItem(LOG_KEY);
    session = null;
    state = null;
    for (const log of [practiceLog, adviceLog]) {
      log.entries = [];
      draw(log);
    }
    updateMeter(null, false);
    await start();
    status(t('forgotten'));
  });
}

/**
 * A command typed into either box, as in the bot: to the engine, except the two the page does itself (the
 * language switch, and forgetting, which also clears this tab's copy of the conversation).
 */
function runCommand(typed: Extract<Typed, { kind: 'command' }>, text: string, origin: Log): void {
  const { command, argument } = typed;
  if (command === 'lang') {
    setLang(argument === 'ru' || argument === 'en' ? argument : lang() === 'ru' ? 'en' : 'ru');
    return;
  }
  if (command === 'forget') {
    forgetAll();
    return;
  }
  send(argument ? { command, argument } : { command }, origin, { echo: text, focus: true });
}

/** A typed command, run or refused; false when the text is for the conversation. */
function handledAsCommand(text: string, input: HTMLTextAreaElement, origin: Log): boolean {
  const typed = parseTyped(text);
  if (typed.kind === 'text') return false;
  if (typed.kind === 'unknown') {
    status(t('unknownCommand')(typed.name));
    return true;
  }
  input.value = '';
  runCommand(typed, text, origin);
  return true;
}

function setupForms(): void {
  const practiceForm = byId<HTMLFormElement>('practice-form');
  practiceForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = practiceInput.value.trim();
    if (text === '' || handledAsCommand(text, practiceInput, practiceLog)) return;
    if (!practising()) {
      status(t('notPractising'));
      return;
    }
    practiceInput.value = '';
    send({ text }, practiceLog, { echo: text, focus: true });
  });
  practiceInput.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter starts a new line: as in a messenger.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      practiceForm.requestSubmit();
    }
  });
  byId('advice-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = adviceInput.value.trim();
    if (text === '' || handledAsCommand(text, adviceInput, adviceLog)) return;
    adviceInput.value = '';
    // Text during a practice would be taken as a reply to the relative: end the practice first, visibly.
    if (practising()) send({ command: 'stop' }, practiceLog, { focus: false });
    send({ text }, adviceLog, { echo: text, focus: false }).then(() => selectTab('advice'));
  });
  byId('topic-practice').addEventListener('submit', (event) => {
    event.preventDefault();
    const data = byId<HTMLSelectElement>('topic-select').value;
    if (data) send({ button: data }, practiceLog);
  });
  byId('forget').addEventListener('click', forgetAll);
  // The footer's way to /settings: asked where the user is, in the advice panel or else the practice one.
  byId('settings').addEventListener('click', () => {
    const advice = !byId('panel-advice').hidden;
    if (!advice) selectTab('practice');
    send({ command: 'settings' }, advice ? adviceLog : practiceLog, { focus: true, scroll: true });
  });
}

// ---- start -----------------------------------------------------------------------------------------------

/**
 * The conversation this tab had, as it was (a reload), or a new session and the choice of relative. The page
 * stays at its top on load, where the greeting and the language switch are, unless a practice is under way:
 * then its last line comes into view.
 */
async function start(): Promise<void> {
  if (session && restore()) {
    for (const log of [practiceLog, adviceLog]) draw(log);
    updateMeter(null, false);
    updateForms();
    if (practising()) bringIntoView(practiceLog.node.lastElementChild ?? undefined);
    return;
  }
  await createSession();
  updateForms();
  await deliver({ command: 'practice' }, practiceLog);
}

onLangChange(() => {
  loadTopics().catch(failed);
  // The page's words around earlier messages stay in those messages' language; "you", "undone" follow.
  for (const log of [practiceLog, adviceLog]) draw(log);
  enqueue(async () => {
    await syncLang();
    // A practice goes on in the new language, from the relative's last line said again in it; otherwise the
    // choice of relative is asked again in it.
    if (practising()) await deliver({ button: coreButtons.stay }, practiceLog, { scroll: true });
    else await deliver({ command: 'practice' }, practiceLog);
  });
});

// A reload starts at the top (or at the practice, above), not where the browser last was.
history.scrollRestoration = 'manual';
setupLangSwitch();
setupTabs();
setupForms();
updateForms();
loadTopics().catch(failed);
enqueue(start);
