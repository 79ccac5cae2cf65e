import { render } from 'preact';
import { byId } from '../dom.js';
import { onLangChange, setupLangSwitch } from '../i18n.js';
import * as make from './actions.js';
import { clockOffset } from './clock.js';
import { Journal, type Session } from './journal.js';
import { electionInfo, hashCode, makeInvite, redeem, stationTotal } from './server.js';
import { summarize } from './summary.js';
import { Sync } from './sync.js';
import { type Actions, NetStatus, Page, type Shown } from './view.js';

// The volunteer's counter (/count/counter) and the invite link that opens it (/count/join#CODE). The code rides
// in the fragment, which never reaches a server log. Every action is on disk (journal.ts) before the screen
// counts it; sync.ts sends the outbox whenever the server can be reached; the service worker (sw/) keeps the
// page itself, so that it opens with no network at all.

const JOIN = '/count/join';
const COUNTER = '/count/counter';
/** How often the station's total is fetched while the page is in view. */
const TOTAL_MS = 60_000;
/** After a batch is sent, the total is fetched once things settle. */
const TOTAL_AFTER_SEND_MS = 2_000;

const shown: Shown = {
  screen: { kind: 'loading' },
  online: navigator.onLine,
  pending: 0,
  sending: false,
  problem: null,
  clockOffset: clockOffset(),
  notice: null,
  answerUnsent: false,
};
let journal: Journal;
let sync: Sync;
let retryJoin = () => {};
/** Tells the other open tabs that the journal changed, so that their counts follow. */
const tabs = 'BroadcastChannel' in window ? new BroadcastChannel('sobesednik-count') : null;

function paint(): void {
  render(<Page shown={shown} actions={actions} />, byId('counter'));
  render(<NetStatus shown={shown} />, byId('net'));
}

let loading: Promise<void> | null = null;
let loadAgain = false;

/** Reads what the screen shows from the journal; calls that arrive meanwhile make one more read. */
function refresh(): Promise<void> {
  if (loading) {
    loadAgain = true;
    return loading;
  }
  loading = (async () => {
    do {
      loadAgain = false;
      await load();
    } while (loadAgain);
  })().finally(() => {
    loading = null;
  });
  return loading;
}

async function load(): Promise<void> {
  const session = await journal.current();
  shown.pending = await journal.pending();
  shown.sending = sync.sending;
  shown.problem = sync.problem;
  shown.clockOffset = clockOffset();
  shown.answerUnsent = session ? await journal.lastAnswerUnsent(session.id) : false;
  // A join in progress or refused, or a farewell, keeps its screen; only the header follows.
  if (!['joining', 'join-failed', 'erased'].includes(shown.screen.kind))
    shown.screen = session
      ? { kind: 'counter', session, summary: summarize(await journal.history(session.id)) }
      : { kind: 'no-session' };
  paint();
}

function session(): Session | null {
  return shown.screen.kind === 'counter' ? shown.screen.session : null;
}

/** Stores an action, then shows it, tells the other tabs and sends it. */
async function act(write: (session: Session) => Promise<unknown>): Promise<void> {
  const current = session();
  if (!current) return;
  try {
    await write(current);
    shown.notice = null;
  } catch {
    shown.notice = { kind: 'save-failed' };
  }
  tabs?.postMessage('changed');
  await refresh();
  sync.nudge();
}

const actions: Actions = {
  tap() {
    navigator.vibrate?.(15);
    void act((s) => {
      const screen = shown.screen;
      const door = (screen.kind === 'counter' && screen.summary.shift?.door) || s.door;
      return journal.record(s.id, make.entry(door));
    });
  },
  undo() {
    void act((s) => journal.undoLast(s.id, make.undo)).then(() => {
      if (shown.screen.kind === 'counter' && shown.notice === null) {
        shown.notice = { kind: 'undone', mine: shown.screen.summary.mine };
        paint();
      }
    });
  },
  startShift(door) {
    void act(async (s) => {
      await journal.update(s.id, { door });
      await journal.record(s.id, make.shift('shift-start', door));
    });
  },
  endShift() {
    void act((s) => {
      const screen = shown.screen;
      const door = (screen.kind === 'counter' && screen.summary.shift?.door) || s.door;
      return journal.record(s.id, make.shift('shift-end', door));
    });
  },
  reportQueue(people, waitMinutes) {
    void act((s) => journal.record(s.id, make.queue(people, waitMinutes)));
  },
  answer(answer, gender, age) {
    navigator.vibrate?.(15);
    void act((s) => journal.record(s.id, make.answer(answer.id, gender, age))).then(() => {
      if (shown.notice === null) {
        shown.notice = { kind: 'answered', answer };
        paint();
      }
    });
  },
  withdrawAnswer() {
    let outcome: 'withdrawn' | 'sent' | 'none' = 'none';
    void act(async (s) => {
      outcome = await journal.withdrawLastAnswer(s.id, (event) => sync.mayBeSending(event));
    }).then(() => {
      if (shown.notice !== null || outcome === 'none') return;
      shown.notice = { kind: outcome === 'withdrawn' ? 'answer-withdrawn' : 'answer-sent' };
      paint();
    });
  },
  setMode(mode) {
    const current = session();
    if (!current) return;
    shown.notice = null;
    void journal.update(current.id, { mode }).then(refresh);
  },
  async invite() {
    const current = session();
    return current ? makeInvite(current) : { ok: false, reason: 'failed' };
  },
  retrySync: () => sync.retry(),
  retryJoin: () => retryJoin(),
  toCounter,
  erase() {
    void journal.erase().then((erased) => {
      if (!erased) return refresh();
      shown.screen = { kind: 'erased' };
      tabs?.postMessage('changed');
      paint();
    });
  },
};

function toCounter(): void {
  history.replaceState(null, '', COUNTER);
  shown.screen = { kind: 'loading' };
  void refresh().then(fetchTotal);
}

/** The code in the address's fragment, or '' when there is none. */
function codeInAddress(): string {
  try {
    return decodeURIComponent(location.hash.slice(1)).trim();
  } catch {
    return location.hash.slice(1).trim();
  }
}

async function join(code: string): Promise<void> {
  retryJoin = () => void join(code);
  shown.screen = { kind: 'joining' };
  paint();
  const [codeHash, current] = await Promise.all([hashCode(code), journal.current()]);
  // The same link opened again (from the chat, say) goes to the counter it opened, with no network needed.
  if (current?.codeHash === codeHash) return toCounter();
  const result = await redeem(code);
  if (!result.ok) {
    // A spent or unknown code is of no further use in the address bar; one that could not be tried stays there.
    if (result.reason === 'refused') history.replaceState(null, '', JOIN);
    shown.screen = { kind: 'join-failed', reason: result.reason, canReturn: current !== undefined };
    return paint();
  }
  const { token, election, station, role } = result.joined;
  const info = await electionInfo(election);
  try {
    await journal.begin({
      id: crypto.randomUUID(),
      token,
      election,
      ...(info ? { electionTitle: info.title, answers: info.answers } : {}),
      station,
      role,
      codeHash,
      door: make.MAIN_DOOR,
    });
  } catch {
    shown.screen = { kind: 'storage-error' };
    return paint();
  }
  // Ask the browser not to clear the journal when the phone runs short of space.
  void navigator.storage?.persist?.().catch(() => false);
  tabs?.postMessage('changed');
  toCounter();
}

let totalTimer: ReturnType<typeof setTimeout> | undefined;

/** The station's total as the public page shows it, kept for the times the phone is offline. */
async function fetchTotal(): Promise<void> {
  const current = session();
  if (!current || !navigator.onLine || document.hidden) return;
  // A session that joined while the server could not say the election's answers asks again.
  if (!current.answers?.length) {
    const info = await electionInfo(current.election);
    if (info?.answers.length)
      await journal.update(current.id, { electionTitle: info.title, answers: info.answers });
  }
  const value = await stationTotal(current.election, current.station);
  if (value === undefined) return;
  await journal.update(current.id, { stationCount: { value, at: new Date().toISOString() } });
  tabs?.postMessage('changed');
  await refresh();
}

function syncChanged(): void {
  void refresh();
  clearTimeout(totalTimer);
  totalTimer = setTimeout(() => void fetchTotal(), TOTAL_AFTER_SEND_MS);
}

function registerWorker(): void {
  // The worker lives at /count/sw.js so that its scope covers both addresses of the counter.
  navigator.serviceWorker?.register('/count/sw.js', { scope: '/count/' }).catch(() => {});
}

async function start(): Promise<void> {
  setupLangSwitch();
  onLangChange(paint);
  // Storage that lasts, the worker, UUIDs and hashing are all for secure pages (https://, or localhost) only.
  if (!isSecureContext) {
    shown.screen = { kind: 'insecure' };
    return paint();
  }
  paint();
  try {
    journal = await Journal.open();
  } catch {
    shown.screen = { kind: 'storage-error' };
    return paint();
  }
  sync = new Sync(journal, syncChanged);
  registerWorker();
  const network = () => {
    shown.online = navigator.onLine;
    paint();
    if (navigator.onLine) void fetchTotal();
  };
  addEventListener('online', network);
  addEventListener('offline', network);
  if (tabs) tabs.onmessage = () => void refresh();
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) return;
    void refresh();
    sync.nudge();
    void fetchTotal();
  });
  setInterval(() => void fetchTotal(), TOTAL_MS);

  const code = location.pathname === JOIN ? codeInAddress() : '';
  if (code) await join(code);
  else {
    await refresh();
    void fetchTotal();
  }
  sync.nudge();
}

void start();
