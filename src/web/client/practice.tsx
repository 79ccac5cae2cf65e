import { render } from 'preact';
import { api, refusal } from './api.js';
import { byId } from './dom.js';
import { lang, onLangChange, setupLangSwitch, t } from './i18n.js';
import { SafeLink } from './safe-link.js';
import { Sparkline } from './sparkline.js';
import type { Lang } from './texts.js';

// The practice page: one web session with the engine, shown as three panels (practice, advice, topics).
// Preact renders every text from the server or the user as text, never as markup.

interface Button {
  label: string;
  data: string;
}

interface Message {
  text: string;
  buttons: Button[][];
  feedback?: {
    verdict: 'empathic' | 'neutral' | 'toxic';
    labels?: string[];
    tips: string[];
    rewrite?: string | null;
  };
}

interface State {
  mode: string;
  lang: Lang;
  persona: string | null;
  openness: number | null;
  trail: number[];
}

interface Reply {
  messages: Message[];
  state: State;
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

/** What a log shows, in order; `stale` messages keep their buttons but disabled. */
type Entry =
  | { key: number; mine: string }
  | { key: number; message: Message; summary: boolean; stale: boolean };

interface Log {
  node: HTMLElement;
  entries: Entry[];
}

const SESSION_KEY = 'sobesednik-session';

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

/** The conversation follows the interface language, but never in the middle of a practice. */
async function syncLang(): Promise<void> {
  if (!state || practising() || state.lang === lang()) return;
  const reply = await post({ command: 'lang', argument: lang() });
  state = reply.state;
}

interface Delivery {
  echo?: string;
  focus?: boolean;
}

/** One event and its rendering; `focus`: the user acted, so keyboard focus follows the conversation. */
async function deliver(event: Event, origin: Log, { echo, focus = false }: Delivery = {}): Promise<void> {
  const log = practising() ? practiceLog : origin;
  log.node.setAttribute('aria-busy', 'true');
  status('');
  try {
    if (!('command' in event && event.command === 'lang')) await syncLang();
    if (echo !== undefined) {
      origin.entries.push({ key: nextKey++, mine: echo });
      draw(origin);
    }
    show(await post(event), origin, focus);
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

// ---- rendering -------------------------------------------------------------------------------------------

function Mine({ text }: { text: string }) {
  return (
    <li class="msg me">
      <span class="visually-hidden">{`${t('you')}: `}</span>
      <p class="text">{text}</p>
    </li>
  );
}

function FeedbackCard({ message }: { message: Message }) {
  const feedback = message.feedback;
  if (!feedback) return null;
  const rewrite = feedback.rewrite;
  return (
    <li class={`msg feedback verdict-${feedback.verdict}`}>
      <p class="verdict">{t('verdict')[feedback.verdict] ?? feedback.verdict}</p>
      {feedback.labels?.length ? <p class="moves">{`${t('moves')}: ${feedback.labels.join(', ')}`}</p> : null}
      {feedback.tips.length > 0 && [
        <p class="label">{t('tips')}</p>,
        <ul class="tips">
          {feedback.tips.map((tip) => (
            <li>{tip}</li>
          ))}
        </ul>,
      ]}
      {/* The engine leaves the rewrite out of its text when the reply was already as good; so does the page. */}
      {rewrite &&
        message.text.includes(rewrite) && [
          <p class="label">{t('rewrite')}</p>,
          <blockquote class="rewrite">{rewrite}</blockquote>,
          <button
            type="button"
            class="quiet"
            onClick={() => {
              practiceInput.value = rewrite;
              practiceInput.focus();
            }}
          >
            {t('useRewrite')}
          </button>,
        ]}
    </li>
  );
}

const URL_PATTERN = /(https?:\/\/[^\s«»"<>]+[^\s«»"<>.,;:!?)])/;

/** The engine's text with its source URLs as links. */
function Linkified({ text }: { text: string }) {
  return (
    <>
      {text
        .split(URL_PATTERN)
        .map((part, i) => (i % 2 === 1 ? <SafeLink url={part}>{part}</SafeLink> : part))}
    </>
  );
}

function BotMessage({
  message,
  summary,
  stale,
  log,
}: {
  message: Message;
  summary: boolean;
  stale: boolean;
  log: Log;
}) {
  return (
    <li class={summary ? 'msg bot summary' : 'msg bot'}>
      {summary && <h2>{t('summary')}</h2>}
      <p class="text">
        <Linkified text={message.text} />
      </p>
      {message.buttons.length > 0 && (
        <div class="buttons">
          {message.buttons.map((row) => (
            <div class="button-row">
              {row.map((button) => (
                <button
                  type="button"
                  class="choice"
                  disabled={stale}
                  onClick={() => send({ button: button.data }, log)}
                >
                  {button.label}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </li>
  );
}

function LogEntries({ log }: { log: Log }) {
  return (
    <>
      {log.entries.map((entry) => {
        if ('mine' in entry) return <Mine key={entry.key} text={entry.mine} />;
        if (entry.message.feedback) return <FeedbackCard key={entry.key} message={entry.message} />;
        return (
          <BotMessage
            key={entry.key}
            log={log}
            message={entry.message}
            summary={entry.summary}
            stale={entry.stale}
          />
        );
      })}
    </>
  );
}

function draw(log: Log): void {
  render(<LogEntries log={log} />, log.node);
}

function updateMeter(before: State | null): void {
  const box = byId('meter-box');
  box.hidden = !practising();
  if (!state || !practising()) return;
  const value = Math.round(state.openness ?? 0);
  byId<HTMLMeterElement>('meter').value = value;
  const previous =
    before?.mode === 'practice' && before.persona === state.persona && before.openness !== null
      ? Math.round(before.openness)
      : null;
  const delta = previous === null ? 0 : value - previous;
  const output = byId('meter-value');
  output.textContent = delta === 0 ? `${value}` : `${value} (${delta > 0 ? '+' : ''}${delta})`;
  output.className = `meter-value${delta > 0 ? ' up' : delta < 0 ? ' down' : ''}`;
  render(<Sparkline values={state.trail} label={state.trail.join(' → ')} />, byId('trail'));
}

function updateForms(): void {
  byId('practice-hint').textContent = practising() ? '' : t('notPractising');
  byId('advice-warning').hidden = !practising();
}

/** Where a reply goes: practice (and its end) to the practice panel, anything else where it was asked. */
function show(reply: Reply, origin: Log, focus: boolean): void {
  const before = state;
  state = reply.state;
  const wasPractising = before?.mode === 'practice';
  const log = practising() || wasPractising ? practiceLog : origin;
  for (const entry of log.entries) if ('stale' in entry) entry.stale = true;
  const ended = wasPractising && !practising();
  log.entries.push(
    ...reply.messages.map((message, i) => ({
      key: nextKey++,
      message,
      summary: ended && i === reply.messages.length - 1,
      stale: false,
    })),
  );
  draw(log);
  updateMeter(before);
  updateForms();
  if (log === practiceLog) selectTab('practice');
  const added = reply.messages.length === 0 ? [] : [...log.node.children].slice(-reply.messages.length);
  added.at(-1)?.scrollIntoView({ block: 'nearest' });
  if (!focus) return;
  // Keyboard users continue where the conversation goes on: the reply box, or the first new choice.
  const next = practising()
    ? practiceInput
    : added.flatMap((item) => [...item.querySelectorAll<HTMLElement>('button.choice')])[0];
  next?.focus();
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
              <SafeLink url={source.url}>{`${source.publisher}, «${source.title}», ${source.year}`}</SafeLink>
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

function setupForms(): void {
  const practiceForm = byId<HTMLFormElement>('practice-form');
  practiceForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = practiceInput.value.trim();
    if (text === '') return;
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
    if (text === '') return;
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
  byId('forget').addEventListener('click', () => {
    enqueue(async () => {
      if (session) await api('DELETE', `/api/sessions/${session}`);
      sessionStorage.removeItem(SESSION_KEY);
      session = null;
      state = null;
      for (const log of [practiceLog, adviceLog]) {
        log.entries = [];
        draw(log);
      }
      updateMeter(null);
      await start();
      status(t('forgotten'));
    });
  });
}

// ---- start -----------------------------------------------------------------------------------------------

function showIntro(reply: Reply): void {
  byId('intro').textContent = reply.messages.find((message) => message.buttons.length === 0)?.text ?? '';
}

/** A new or continued session: the welcome as the introduction, then the choice of relative. */
async function start(): Promise<void> {
  const first =
    (session && (await post({ command: 'start', lang: lang() }).catch(() => null))) ||
    (await createSession());
  state = first.state;
  await syncLang();
  showIntro(first);
  updateForms();
  await deliver({ command: 'practice' }, practiceLog);
}

onLangChange(() => {
  loadTopics().catch(failed);
  if (practising()) {
    status(t('langDeferred'));
    return;
  }
  enqueue(async () => {
    await syncLang();
    const reply = await post({ command: 'start' });
    state = reply.state;
    showIntro(reply);
    await deliver({ command: 'practice' }, practiceLog);
  });
});

setupLangSwitch();
setupTabs();
setupForms();
updateForms();
loadTopics().catch(failed);
enqueue(start);
