// Telegram allows a bot about one message edit a second in a chat; a volunteer presses faster than that when a
// group goes in. So edits of a chat are coalesced: the first goes out at once, those that come within the next
// interval wait, and only the latest of them is sent when it is over. The last state is always the one shown.

export interface CoalescedEditsOptions {
  /** Default 1000 ms. */
  intervalMs?: number;
  now?: () => number;
  /** Told of an edit that failed (the next one will show the state anyway). */
  onError?: (error: unknown) => void;
}

interface ChatEdits {
  /** When the last edit was sent. */
  sentAt: number;
  /** The latest edit not yet sent; a newer one replaces it. */
  waiting: (() => Promise<void>) | undefined;
}

export class CoalescedEdits {
  private readonly chats = new Map<number, ChatEdits>();
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;

  constructor(options: CoalescedEditsOptions = {}) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? (() => {});
  }

  /** Sends `edit` now, or when the chat's interval is over unless a newer edit replaces it by then. */
  show(chatId: number, edit: () => Promise<void>): void {
    // A chat in the map has an edit being sent or its pause running: the edit waits for that to end.
    const chat = this.chats.get(chatId);
    if (chat) {
      chat.waiting = edit;
      return;
    }
    const fresh: ChatEdits = { sentAt: this.now(), waiting: undefined };
    this.chats.set(chatId, fresh);
    this.send(chatId, fresh, edit);
  }

  /** Chats with an edit waiting or sent less than an interval ago (memory follows the active chats only). */
  get size(): number {
    return this.chats.size;
  }

  private send(chatId: number, chat: ChatEdits, edit: () => Promise<void>): void {
    chat.sentAt = this.now();
    edit()
      .catch(this.onError)
      .finally(() => {
        const wait = Math.max(0, chat.sentAt + this.intervalMs - this.now());
        setTimeout(() => this.next(chatId, chat), wait).unref();
      });
  }

  private next(chatId: number, chat: ChatEdits): void {
    const edit = chat.waiting;
    chat.waiting = undefined;
    if (edit) this.send(chatId, chat, edit);
    else this.chats.delete(chatId);
  }
}
