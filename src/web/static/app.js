// The practice page: one web session with the engine, shown as three panels (practice, advice, topics).
// Every text from the server or the user is inserted as text (see el() in common.js).

import { api, el, lang, onLangChange, safeLink, setupLangSwitch, sparkline, t } from './common.js';

const SESSION_KEY = 'sobesednik-session';
const $ = (id) => document.getElementById(id);

const practiceLog = $('practice-log');
const adviceLog = $('advice-log');
const practiceInput = $('practice-input');
const adviceInput = $('advice-input');

/** The session id (also in the httpOnly cookie); kept for this tab only, so a reload continues it. */
let session = sessionStorage.getItem(SESSION_KEY);
let state = null;
let queue = Promise.resolve();

function status(text) {
  $('status').textContent = text ?? '';
}

function failed(error) {
  status(error instanceof TypeError ? t('networkError') : error.message);
}

function practising() {
  return state?.mode === 'practice';
}

// ---- talking to the server -------------------------------------------------------------------------------

async function createSession() {
  const { status: code, data } = await api('POST', '/api/sessions', { lang: lang() });
  if (code !== 201) throw new Error(data?.error ?? `HTTP ${code}`);
  session = data.id;
  sessionStorage.setItem(SESSION_KEY, session);
  state = data.state;
  return data;
}

/** One event; a session whose cookie is gone (403) is replaced by a new one and the event sent again. */
async function post(event) {
  if (!session) await createSession();
  let reply = await api('POST', `/api/sessions/${session}/events`, event);
  if (reply.status === 403) {
    await createSession();
    reply = await api('POST', `/api/sessions/${session}/events`, event);
  }
  if (reply.status !== 200) throw new Error(reply.data?.error ?? `HTTP ${reply.status}`);
  return reply.data;
}

/** The conversation follows the interface language, but never in the middle of a practice. */
async function syncLang() {
  if (!state || practising() || state.lang === lang()) return;
  const reply = await post({ command: 'lang', argument: lang() });
  state = reply.state;
}

/** One event and its rendering; `focus`: the user acted, so keyboard focus follows the conversation. */
async function deliver(event, origin, { echo, focus = false } = {}) {
  const log = practising() ? practiceLog : origin;
  log.setAttribute('aria-busy', 'true');
  status('');
  try {
    if (!('command' in event && event.command === 'lang')) await syncLang();
    if (echo !== undefined) appendMine(origin, echo);
    render(await post(event), origin, focus);
  } catch (error) {
    failed(error);
  } finally {
    log.removeAttribute('aria-busy');
  }
}

/** Events go one at a time, in order, so the log reads as the engine answered. */
function enqueue(work) {
  queue = queue.then(work).catch(failed);
  return queue;
}

function send(event, origin, options = { focus: true }) {
  return enqueue(() => deliver(event, origin, options));
}

// ---- rendering -------------------------------------------------------------------------------------------

function appendMine(log, text) {
  log.append(
    el(
      'li',
      { class: 'msg me' },
      el('span', { class: 'visually-hidden' }, `${t('you')}: `),
      el('p', { class: 'text' }, text),
    ),
  );
}

function buttonRows(rows, log) {
  return el(
    'div',
    { class: 'buttons' },
    rows.map((row) =>
      el(
        'div',
        { class: 'button-row' },
        row.map((button) =>
          el(
            'button',
            { type: 'button', class: 'choice', onclick: () => send({ button: button.data }, log) },
            button.label,
          ),
        ),
      ),
    ),
  );
}

function feedbackCard(message) {
  const feedback = message.feedback;
  const verdicts = t('verdict');
  const card = el(
    'li',
    { class: `msg feedback verdict-${feedback.verdict}` },
    el('p', { class: 'verdict' }, verdicts[feedback.verdict] ?? feedback.verdict),
  );
  if (feedback.labels?.length)
    card.append(el('p', { class: 'moves' }, `${t('moves')}: ${feedback.labels.join(', ')}`));
  if (feedback.tips.length)
    card.append(
      el('p', { class: 'label' }, t('tips')),
      el(
        'ul',
        { class: 'tips' },
        feedback.tips.map((tip) => el('li', {}, tip)),
      ),
    );
  // The engine leaves the rewrite out of its text when the reply was already as good; so does the page.
  if (feedback.rewrite && message.text.includes(feedback.rewrite)) {
    card.append(
      el('p', { class: 'label' }, t('rewrite')),
      el('blockquote', { class: 'rewrite' }, feedback.rewrite),
      el(
        'button',
        {
          type: 'button',
          class: 'quiet',
          onclick: () => {
            practiceInput.value = feedback.rewrite;
            practiceInput.focus();
          },
        },
        t('useRewrite'),
      ),
    );
  }
  return card;
}

const URL_PATTERN = /(https?:\/\/[^\s«»"<>]+[^\s«»"<>.,;:!?)])/;

/** The engine's text with its source URLs as links; every piece is still inserted as text. */
function linkified(text) {
  return text.split(URL_PATTERN).map((part, i) => (i % 2 === 1 ? safeLink(part, part) : part));
}

function messageItem(message, log, summary) {
  if (message.feedback) return feedbackCard(message);
  const item = el('li', { class: summary ? 'msg bot summary' : 'msg bot' });
  if (summary) item.append(el('h2', {}, t('summary')));
  item.append(el('p', { class: 'text' }, linkified(message.text)));
  if (message.buttons.length > 0) item.append(buttonRows(message.buttons, log));
  return item;
}

function updateMeter(before) {
  const box = $('meter-box');
  box.hidden = !practising();
  if (!practising()) return;
  const value = Math.round(state.openness);
  const meter = $('meter');
  meter.value = value;
  const previous = before?.mode === 'practice' && before.persona === state.persona ? before.openness : null;
  const delta = previous === null ? 0 : value - Math.round(previous);
  const output = $('meter-value');
  output.textContent = delta === 0 ? `${value}` : `${value} (${delta > 0 ? '+' : ''}${delta})`;
  output.className = `meter-value${delta > 0 ? ' up' : delta < 0 ? ' down' : ''}`;
  $('trail').replaceChildren(sparkline(state.trail, { label: state.trail.join(' → ') }));
}

function updateForms() {
  $('practice-hint').textContent = practising() ? '' : t('notPractising');
  $('advice-warning').hidden = !practising();
}

/** Where a reply goes: practice (and its end) to the practice panel, anything else where it was asked. */
function render(reply, origin, focus) {
  const before = state;
  state = reply.state;
  const wasPractising = before?.mode === 'practice';
  const log = practising() || wasPractising ? practiceLog : origin;
  for (const old of log.querySelectorAll('button.choice')) old.disabled = true;
  const items = reply.messages.map((message, i) =>
    messageItem(message, log, wasPractising && !practising() && i === reply.messages.length - 1),
  );
  log.append(...items);
  updateMeter(before);
  updateForms();
  if (log === practiceLog) selectTab('practice');
  items.at(-1)?.scrollIntoView({ block: 'nearest' });
  if (!focus) return;
  // Keyboard users continue where the conversation goes on: the reply box, or the first new choice.
  const next = practising()
    ? practiceInput
    : items.flatMap((item) => [...item.querySelectorAll('button.choice')])[0];
  next?.focus();
}

// ---- topics ----------------------------------------------------------------------------------------------

function section(title, body) {
  return [el('h3', {}, title), body];
}

function topicCard(position) {
  const answers = el(
    'ol',
    { class: 'answers' },
    position.answers.map((answer) =>
      el(
        'li',
        {},
        el('p', {}, el('strong', {}, `${t('relate')}: `), answer.relate),
        el('p', {}, el('strong', {}, `${t('unite')}: `), answer.unite),
        el('p', {}, el('strong', {}, `${t('ask')}: `), answer.ask),
      ),
    ),
  );
  const facts = el(
    'ul',
    { class: 'facts' },
    position.counterarguments.map(({ claim, source }) =>
      el(
        'li',
        {},
        el('p', {}, claim),
        el(
          'p',
          { class: 'source' },
          safeLink(source.url, `${source.publisher}, «${source.title}», ${source.year}`),
        ),
      ),
    ),
  );
  const pitfalls = el(
    'ul',
    { class: 'pitfalls' },
    position.pitfalls.map(({ avoid, why }) =>
      el(
        'li',
        {},
        el('p', {}, el('strong', {}, `${t('avoid')}: `), avoid),
        el('p', {}, el('strong', {}, `${t('why')}: `), why),
      ),
    ),
  );
  return el(
    'details',
    { class: 'card', id: `topic-${position.id}` },
    el('summary', {}, position.title),
    section(
      t('examples'),
      el(
        'ul',
        { class: 'examples' },
        position.examples.map((example) => el('li', {}, example)),
      ),
    ),
    section(
      t('needs'),
      el(
        'ul',
        {},
        position.needs.map((need) => el('li', {}, need)),
      ),
    ),
    section(t('answers'), answers),
    section(t('facts'), facts),
    section(t('pitfalls'), pitfalls),
    el(
      'button',
      { type: 'button', onclick: () => send({ button: position.practiceButton }, practiceLog) },
      t('practiseTopic'),
    ),
  );
}

async function loadTopics() {
  const { status: code, data } = await api('GET', `/api/positions?lang=${lang()}`);
  if (code !== 200) throw new Error(data?.error ?? `HTTP ${code}`);
  const root = $('topics');
  const select = $('topic-select');
  root.replaceChildren();
  select.replaceChildren();
  for (const [group, label] of Object.entries(data.groups)) {
    const positions = data.positions.filter((position) => position.group === group);
    if (positions.length === 0) continue;
    root.append(el('h2', {}, label), ...positions.map(topicCard));
    select.append(
      el(
        'optgroup',
        { label },
        positions.map((position) => el('option', { value: position.practiceButton }, position.title)),
      ),
    );
  }
}

// ---- tabs (WAI-ARIA tabs: arrows move between them, Tab goes into the panel) -----------------------------

const TABS = ['practice', 'advice', 'topics'];

function selectTab(name, focus = false) {
  for (const tab of TABS) {
    const button = $(`tab-${tab}`);
    const selected = tab === name;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(`panel-${tab}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
}

function setupTabs() {
  TABS.forEach((name, index) => {
    const button = $(`tab-${name}`);
    button.addEventListener('click', () => selectTab(name));
    button.addEventListener('keydown', (event) => {
      const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: TABS.length - 1 - index };
      const move = moves[event.key];
      if (move === undefined) return;
      event.preventDefault();
      selectTab(TABS[(index + move + TABS.length) % TABS.length], true);
    });
  });
}

// ---- forms -----------------------------------------------------------------------------------------------

function setupForms() {
  $('practice-form').addEventListener('submit', (event) => {
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
      $('practice-form').requestSubmit();
    }
  });
  $('advice-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = adviceInput.value.trim();
    if (text === '') return;
    adviceInput.value = '';
    // Text during a practice would be taken as a reply to the relative: end the practice first, visibly.
    if (practising()) send({ command: 'stop' }, practiceLog, { focus: false });
    send({ text }, adviceLog, { echo: text, focus: false }).then(() => selectTab('advice'));
  });
  $('topic-practice').addEventListener('submit', (event) => {
    event.preventDefault();
    const data = $('topic-select').value;
    if (data) send({ button: data }, practiceLog);
  });
  $('forget').addEventListener('click', () => {
    enqueue(async () => {
      if (session) await api('DELETE', `/api/sessions/${session}`);
      sessionStorage.removeItem(SESSION_KEY);
      session = null;
      state = null;
      practiceLog.replaceChildren();
      adviceLog.replaceChildren();
      updateMeter(null);
      await start();
      status(t('forgotten'));
    });
  });
}

// ---- start -----------------------------------------------------------------------------------------------

/** A new or continued session: the welcome as the introduction, then the choice of relative. */
async function start() {
  let first;
  if (session) {
    first = await post({ command: 'start', lang: lang() }).catch(() => null);
  }
  if (!first) first = await createSession();
  state = first.state;
  await syncLang();
  $('intro').textContent = first.messages.find((message) => message.buttons.length === 0)?.text ?? '';
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
    $('intro').textContent = reply.messages.find((message) => message.buttons.length === 0)?.text ?? '';
    await deliver({ command: 'practice' }, practiceLog);
  });
});

setupLangSwitch();
setupTabs();
setupForms();
updateForms();
loadTopics().catch(failed);
enqueue(start);
