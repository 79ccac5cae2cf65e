import { type Composer, Context } from 'grammy';
import type { Logger } from 'pino';
import type { Catalogue } from '../catalogue/load.js';
import type { Lang } from '../catalogue/schema.js';
import type { Counting } from '../count/counting.js';
import type { CountStorage } from '../count/storage.js';
import type { Conversations } from '../dialogue/conversations.js';
import type { TalkRepository } from '../store/talk-repository.js';
import type { UsersRepository } from '../store/users-repository.js';

/** What one update did, for its log line: kinds, ids of positions and timings only, never text or user ids. */
export interface UpdateReport {
  kind: string;
  positions: string[];
  mode?: string;
}

/** grammY's context with the report that the handlers fill in and the log middleware writes out. */
export class BotContext extends Context {
  readonly report: UpdateReport = { kind: 'other', positions: [] };
  /** The sender's pseudonymous key, computed once per update (bot.ts) for the rate limit and the engine. */
  userKey: string | undefined;
}

/** What the feature composers need from the application, and the adapter's settings. */
export interface AdapterDeps {
  conversations: Conversations;
  users: UsersRepository;
  talk: TalkRepository;
  counting: Counting;
  /** A bot user's link to the volunteer they joined as, by their pseudonymous key, and what count keeps with it. */
  volunteers: Pick<CountStorage, 'linkUser' | 'userLink' | 'updateUserLink'>;
  catalogue: Catalogue;
  /** The guide's reminder subscriptions: the chat is kept only so that the reminder can be sent. */
  reminders: {
    subscribe(userKey: string, chatId: number, election: string, station: string, lang: Lang): Promise<void>;
    unsubscribe(userKey: string): Promise<void>;
  };
  log: Logger;
  /** The pseudonymous key of a Telegram user: the only form in which the id leaves the update. */
  userKey(id: number): string;
  /** The same for a chat, for the in-memory "already told this group" set. */
  chatKey(id: number): string;
  typingAfterMs: number;
  rateLimit: { messages: number; perMs: number };
}

/** A part of the bot: a composer that takes its own commands and buttons and passes everything else on. */
export type BotPart = (deps: AdapterDeps) => Composer<BotContext>;
