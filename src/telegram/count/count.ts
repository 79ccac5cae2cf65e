import { Composer, Context } from 'grammy';
import type { Lang } from '../../catalogue/schema.js';
import type { Running } from '../../count/counting.js';
import { type CountEvent, DEFAULT_DOOR } from '../../count/events.js';
import type { AwaitedReply, UserLink } from '../../count/storage.js';
import type { Button } from '../../dialogue/messages.js';
import { CoalescedEdits } from '../coalesced-edits.js';
import type { AdapterDeps, BotContext } from '../context.js';
import { langOf } from '../language.js';
import type { TapLane } from '../rate-limiting.js';
import { inlineKeyboard, sendMessages } from '../send.js';
import {
  answerKey,
  COUNT,
  type CountAction,
  cancelButtons,
  counterButtons,
  doorButtons,
  doorKey,
  parseCountButton,
  pollButtons,
} from './counter.js';
import { doorFromText } from './door-input.js';
import { derivedUuid } from './event-ids.js';
import { parseQueue } from './queue-input.js';
import { COUNT_BOT_TEXTS, type CounterView } from './texts.js';

// Count on Telegram: `/start c_CODE` (the invite's deep link) joins a station, /count shows the counter, its
// buttons record the volunteer's events through `counting`, /queue reports the queue. The user is known to the
// store only by the pseudonymous key linked to the volunteer; nothing of their Telegram account is kept. The
// door they chose and the reply the bot waits for (a queue report, a door's name) are kept with that link, so
// any instance, or the same one after a restart, reads the next message as the last one left it.

/** The invite deep links' payload: `c_` and the code (Telegram allows 64 characters of A–Z a–z 0–9 _ -). */
const INVITE = /^c_([A-Za-z0-9_-]{1,62})$/;

/**
 * Count's buttons are taps: up to 30 at once and 6 a second after that, far above what any door lets through
 * and below the 10 a second that counting flags as more than a person taps.
 */
export const COUNT_TAPS: TapLane = {
  limit: { messages: 30, perMs: 5000 },
  matches: (data) => data.startsWith(`${COUNT}:`),
  refused: (lang) => COUNT_BOT_TEXTS[lang].tooFast,
};

/** Begins what every event id of the bot is derived from (event-ids.ts), apart from ids derived for anything else. */
const ID_SCOPE = 'telegram-count';

/** How long the bot takes a volunteer's next text as the queue report or the door's name it asked for. */
const AWAIT_MS = 10 * 60_000;

/** The door the volunteer counts at: their open shift's, else the one they chose, else the main one. */
const doorOf = (link: UserLink, running: Running): string => running.shiftDoor ?? link.door ?? DEFAULT_DOOR;

export function count(deps: AdapterDeps): Composer<BotContext> {
  const { counting, volunteers, log } = deps;
  const edits = new CoalescedEdits({
    onError: (error) => {
      // The counter already shows what the edit would have shown: nothing to say.
      if (String((error as { description?: unknown }).description).includes('message is not modified'))
        return;
      log.warn({ event: 'count-counter-edit-failed', code: errorCode(error) }, 'counter edit failed');
    },
  });

  const isStart = Context.has.command('start');
  const isCount = Context.has.command('count');
  const isQueue = Context.has.command('queue');
  const isButton = Context.has.callbackQuery(new RegExp(`^${COUNT}:`));

  async function langFor(ctx: BotContext): Promise<Lang> {
    const stored = ctx.userKey === undefined ? undefined : await deps.users.loadUser(ctx.userKey);
    return stored?.lang ?? langOf(ctx.from?.language_code);
  }

  function say(ctx: BotContext, text: string, buttons: Button[][] = []): Promise<void> {
    const chatId = ctx.chat?.id ?? ctx.from?.id;
    if (chatId === undefined) return Promise.resolve();
    return sendMessages(ctx.api, chatId, [{ text, buttons }]);
  }

  /** From now on the user's next text is read as this reply, for a while, in whichever instance gets it. */
  const awaitReply = (userKey: string, kind: AwaitedReply) =>
    volunteers.updateUserLink(userKey, { awaiting: { kind, until: Date.now() + AWAIT_MS } });

  async function counterOf(
    link: UserLink,
    running: Running,
    lang: Lang,
  ): Promise<{ text: string; buttons: Button[][] }> {
    const { volunteer } = link;
    const election = await counting.election(volunteer.election);
    const station = (await counting.stations(volunteer.election)).find(
      (s) => s.station === volunteer.station,
    );
    const view: CounterView = {
      station: volunteer.station,
      city: station?.city ?? null,
      election: election?.title[lang] ?? volunteer.election,
      door: doorOf(link, running),
      shiftOpen: running.shiftDoor !== null,
      mine: running.mine,
      stationCount: running.station,
    };
    return { text: COUNT_BOT_TEXTS[lang].counter(view), buttons: counterButtons(lang, view) };
  }

  async function showCounter(ctx: BotContext, link: UserLink, lang: Lang, running?: Running): Promise<void> {
    const { text, buttons } = await counterOf(
      link,
      running ?? (await counting.running(link.volunteer)),
      lang,
    );
    await say(ctx, text, buttons);
  }

  /** The exit poll's message: the volunteer's count of answers above the election's answers. */
  async function pollOf(
    link: UserLink,
    answers: number,
    lang: Lang,
  ): Promise<{ text: string; buttons: Button[][] }> {
    const election = await counting.election(link.volunteer.election);
    return {
      text: COUNT_BOT_TEXTS[lang].poll(link.volunteer.station, answers),
      buttons: pollButtons(lang, election?.answers ?? []),
    };
  }

  /** The pressed message becomes `shown` (the counter and the poll take turns in one message, not filling the chat). */
  function replacePressed(ctx: BotContext, shown: { text: string; buttons: Button[][] }): Promise<void> {
    const message = ctx.callbackQuery?.message;
    if (!message) return say(ctx, shown.text, shown.buttons);
    const reply_markup = inlineKeyboard(shown.buttons);
    edits.show(message.chat.id, async () => {
      await ctx.api.editMessageText(message.chat.id, message.message_id, shown.text, {
        ...(reply_markup ? { reply_markup } : {}),
      });
    });
    return Promise.resolve();
  }

  async function join(ctx: BotContext, userKey: string, code: string): Promise<void> {
    const lang = await langFor(ctx);
    const t = COUNT_BOT_TEXTS[lang];
    const result = await counting.join(code);
    if (!result.ok) {
      // Opening one's own link again (or Telegram delivering it again) finds the code used: the counter answers.
      const current = result.reason === 'used' ? await volunteers.userLink(userKey) : undefined;
      if (current) return showCounter(ctx, current, lang);
      ctx.report.kind = `count:join:${result.reason}`;
      const reasons = { unknown: t.codeUnknown, used: t.codeUsed, expired: t.codeExpired };
      return say(ctx, reasons[result.reason]);
    }
    // The token is for the web counter; the bot reaches the volunteer by the user's key, and drops it here.
    const { volunteer, election, station, role } = result.joined;
    await volunteers.linkUser(userKey, volunteer);
    const title = (await counting.election(election))?.title[lang] ?? election;
    await say(ctx, t.joined(station, title));
    await showCounter(
      ctx,
      { volunteer: { volunteer, election, station, role }, door: null, awaiting: null },
      lang,
    );
  }

  /** Stores the events; false when counting refused them (logged: the bot's own events never should be). */
  async function record(link: UserLink, events: CountEvent[]): Promise<boolean> {
    const result = await counting.record(link.volunteer, { events });
    if (result.ok) return true;
    log.warn({ event: 'count-bot-events-refused', kinds: events.map((e) => e.kind) }, 'events refused');
    return false;
  }

  /**
   * Makes `door` the volunteer's: a shift under way ends at the old door and goes on at the new one, so that
   * each door's coverage is right. Resolves whether the shift moved, or undefined when nothing could be saved.
   */
  async function chooseDoor(
    userKey: string,
    link: UserLink,
    running: Running,
    door: string,
    id: (index: number) => string,
  ): Promise<{ shiftMoved: boolean } | undefined> {
    const from = running.shiftDoor;
    if (from !== null && from !== door) {
      const at = new Date().toISOString();
      const moved: CountEvent[] = [
        { id: id(0), kind: 'shift-end', at, door: from },
        { id: id(1), kind: 'shift-start', at, door },
      ];
      if (!(await record(link, moved))) return undefined;
    }
    await volunteers.updateUserLink(userKey, { door, awaiting: null });
    return { shiftMoved: from !== null };
  }

  /** A press is answered exactly once, with the pop-up it deserves, and whatever fails, so the spinner stops. */
  async function press(ctx: BotContext, userKey: string, action: CountAction): Promise<void> {
    let answered = false;
    const answer = async (text?: string) => {
      if (answered) return;
      answered = true;
      // A failure only means the answer came too late to be shown.
      await ctx.answerCallbackQuery(text === undefined ? {} : { text }).catch((error: unknown) => {
        log.warn(
          { event: 'telegram-answer-callback-failed', code: errorCode(error) },
          'callback answer failed',
        );
      });
    };
    try {
      await act(ctx, userKey, action, answer);
    } finally {
      await answer();
    }
  }

  async function act(
    ctx: BotContext,
    userKey: string,
    action: CountAction,
    answer: (text?: string) => Promise<void>,
  ): Promise<void> {
    const query = ctx.callbackQuery;
    if (!query) return;
    const lang = await langFor(ctx);
    const t = COUNT_BOT_TEXTS[lang];
    if (action.kind === 'cancel') {
      await volunteers.updateUserLink(userKey, { awaiting: null });
      await answer();
      return say(ctx, action.what === 'door' ? t.doorCancelled : t.queueCancelled);
    }
    const link = await volunteers.userLink(userKey);
    if (!link) {
      await answer();
      return say(ctx, t.notJoined);
    }
    const id = (index: number) => derivedUuid(ID_SCOPE, userKey, 'press', query.id, index);
    switch (action.kind) {
      case 'queue':
        await awaitReply(userKey, 'queue');
        await answer();
        return say(ctx, t.queueAsk, cancelButtons(lang, 'queue'));
      case 'door-other':
        await awaitReply(userKey, 'door');
        await answer();
        return say(ctx, t.doorTypeAsk, cancelButtons(lang, 'door'));
      case 'doors': {
        const running = await counting.running(link.volunteer);
        await answer();
        return say(ctx, t.doorAsk, doorButtons(lang, running.doors, doorOf(link, running)));
      }
      case 'door': {
        const running = await counting.running(link.volunteer);
        const known = link.door === null ? running.doors : [...running.doors, link.door];
        const door = known.find((candidate) => doorKey(candidate) === action.key);
        if (door === undefined) return answer(t.doorGone);
        const chosen = await chooseDoor(userKey, link, running, door, id);
        if (!chosen) return answer(t.notSaved);
        await answer(chosen.shiftMoved ? t.shiftMoved(door) : t.doorChosen(door));
        // A new counter under the choice, where the thumb is; the older one still works and catches up when pressed.
        return showCounter(ctx, { ...link, door, awaiting: null }, lang);
      }
      case 'poll': {
        const running = await counting.running(link.volunteer);
        await answer();
        return replacePressed(ctx, await pollOf(link, running.answers, lang));
      }
      case 'counter': {
        const running = await counting.running(link.volunteer);
        await answer();
        return replacePressed(ctx, await counterOf(link, running, lang));
      }
      case 'answer': {
        const election = await counting.election(link.volunteer.election);
        const chosen = election?.answers.find((a) => answerKey(a.id) === action.key);
        if (!chosen) return answer(t.answerGone);
        const event: CountEvent = {
          id: id(0),
          kind: 'exitpoll',
          at: new Date().toISOString(),
          answer: chosen.id,
        };
        if (!(await record(link, [event]))) return answer(t.notSaved);
        const { answers } = await counting.running(link.volunteer);
        await answer(t.answerSaved(chosen[lang], answers));
        return replacePressed(ctx, await pollOf(link, answers, lang));
      }
    }

    const before = await counting.running(link.volunteer);
    const at = new Date().toISOString();
    const door = doorOf(link, before);
    let events: CountEvent[] = [];
    let popup: (after: Running) => string;
    switch (action.kind) {
      case 'add':
        events = Array.from({ length: action.n }, (_, i) => ({ id: id(i), kind: 'entry', at, door }));
        popup = (after) => t.added(action.n, after.mine);
        break;
      case 'undo':
        if (before.lastEntry === null) popup = () => t.nothingToUndo;
        else {
          events = [{ id: id(0), kind: 'undo', at, target: before.lastEntry }];
          popup = (after) => t.undone(after.mine);
        }
        break;
      case 'shift':
        // A press on an older counter may ask for what is already so: then it only brings the counter up to date.
        if (action.open && before.shiftDoor === null) events = [{ id: id(0), kind: 'shift-start', at, door }];
        else if (!action.open && before.shiftDoor !== null)
          events = [{ id: id(0), kind: 'shift-end', at, door: before.shiftDoor }];
        popup = () => (action.open ? t.shiftStarted : t.shiftEnded);
        break;
    }
    if (events.length > 0 && !(await record(link, events))) return answer(t.notSaved);
    const after = events.length > 0 ? await counting.running(link.volunteer) : before;
    await answer(popup(after));

    const message = query.message;
    if (!message) return;
    const { text, buttons } = await counterOf(link, after, lang);
    const reply_markup = inlineKeyboard(buttons);
    edits.show(message.chat.id, async () => {
      await ctx.api.editMessageText(message.chat.id, message.message_id, text, {
        ...(reply_markup ? { reply_markup } : {}),
      });
    });
  }

  /** The id of an event a typed message makes: the same message delivered again has the same id, stored once. */
  const messageId = (ctx: BotContext, userKey: string, index: number) =>
    derivedUuid(ID_SCOPE, userKey, 'message', ctx.msg?.message_id ?? 0, index);

  async function queueReport(ctx: BotContext, userKey: string, link: UserLink, text: string): Promise<void> {
    const lang = await langFor(ctx);
    const t = COUNT_BOT_TEXTS[lang];
    const parsed = parseQueue(text);
    if (!parsed) {
      // The next message is read as the report again, whether this one was typed after "Queue" or with /queue.
      await awaitReply(userKey, 'queue');
      return say(ctx, t.queueBad, cancelButtons(lang, 'queue'));
    }
    if (link.awaiting !== null) await volunteers.updateUserLink(userKey, { awaiting: null });
    const event: CountEvent = {
      id: messageId(ctx, userKey, 0),
      kind: 'queue',
      at: new Date().toISOString(),
      ...parsed,
    };
    if (!(await record(link, [event]))) return say(ctx, t.notSaved);
    await say(ctx, t.queueSaved(parsed.people, parsed.waitMinutes));
  }

  async function typedDoor(ctx: BotContext, userKey: string, link: UserLink, text: string): Promise<void> {
    const lang = await langFor(ctx);
    const t = COUNT_BOT_TEXTS[lang];
    const running = await counting.running(link.volunteer);
    const door = doorFromText(text, running.doors);
    if (door === undefined) {
      await awaitReply(userKey, 'door');
      return say(ctx, t.doorBad, cancelButtons(lang, 'door'));
    }
    const chosen = await chooseDoor(userKey, link, running, door, (index) => messageId(ctx, userKey, index));
    if (!chosen) return say(ctx, t.notSaved);
    await showCounter(ctx, { ...link, door, awaiting: null }, lang);
  }

  async function notJoined(ctx: BotContext): Promise<void> {
    await say(ctx, COUNT_BOT_TEXTS[await langFor(ctx)].notJoined);
  }

  // One middleware with grammY's matchers, as the engine's parts are (converse.ts): each update passes every part.
  return new Composer<BotContext>(async (ctx, next) => {
    const { userKey } = ctx;
    if (userKey === undefined) return next();
    if (isStart(ctx)) {
      const invite = INVITE.exec(String(ctx.match).trim());
      // A bare /start, or another part's deep link, is not count's.
      if (!invite?.[1]) return next();
      ctx.report.kind = 'count:join';
      return join(ctx, userKey, invite[1]);
    }
    if (isCount(ctx)) {
      ctx.report.kind = 'command:count';
      const link = await volunteers.userLink(userKey);
      if (!link) return notJoined(ctx);
      return showCounter(ctx, link, await langFor(ctx));
    }
    if (isQueue(ctx)) {
      ctx.report.kind = 'command:queue';
      const link = await volunteers.userLink(userKey);
      if (!link) return notJoined(ctx);
      const argument = String(ctx.match).trim();
      if (argument !== '') return queueReport(ctx, userKey, link, argument);
      const lang = await langFor(ctx);
      await awaitReply(userKey, 'queue');
      return say(ctx, COUNT_BOT_TEXTS[lang].queueAsk, cancelButtons(lang, 'queue'));
    }
    const data = ctx.callbackQuery?.data;
    if (data !== undefined && isButton(ctx)) {
      const action = parseCountButton(data);
      // Data this version does not make goes on to the fallback's "this button no longer works".
      if (!action) return next();
      ctx.report.kind = `button:${COUNT}:${action.kind}`;
      return press(ctx, userKey, action);
    }
    const text = ctx.message?.text;
    if (text === undefined || text.startsWith('/')) return next();
    // Every text is looked up, since the question may have been asked by another instance or before a restart.
    const link = await volunteers.userLink(userKey);
    const awaiting = link?.awaiting;
    if (!link || !awaiting || awaiting.until <= Date.now()) return next();
    ctx.report.kind = `count:${awaiting.kind}`;
    return awaiting.kind === 'queue'
      ? queueReport(ctx, userKey, link, text)
      : typedDoor(ctx, userKey, link, text);
  });
}

function errorCode(error: unknown): number | undefined {
  const code = (error as { error_code?: unknown }).error_code;
  return typeof code === 'number' ? code : undefined;
}
