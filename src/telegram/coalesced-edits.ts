// Telegram allows a bot about one message edit a second in a chat; a volunteer presses faster than that when a
// group goes in. So edits of a chat are coalesced: the first goes out at once, those that come before a second
// has passed since it was done wait, and only the latest of them is sent then. The last state is always shown.

export interface CoalescedEditsOptions {
  /** Default 1000 ms, counted from the end of an edit: Telegram then sees them at least this far apart. */
  intervalMs?: number;
  /** Told of an edit that failed (the next one will show the state anyway). */
  onError?: (error: unknown) => void;
}

interface Pending {
  waiting: (() => Promise<void>) | undefined;
}

export class CoalescedEdits {
  /**
   * The chats with an edit being sent or its pause running, each with the latest edit waiting for that to end,
   * if any (a newer one replaces it). Memory follows the chats active in the last second only.
   */
  private readonly chats = new Map<number, Pending>();
  private readonly intervalMs: number;
  private readonly onError: (error: unknown) => void;

  constructor(options: CoalescedEditsOptions = {}) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.onError = options.onError ?? (() => {});
  }

  /** Sends `edit` now, or once the chat's pause is over unless a newer edit replaces it by then. */
  show(chatId: number, edit: () => Promise<void>): void {
    const chat = this.chats.get(chatId);
    if (chat) {
      chat.waiting = edit;
      return;
    }
    this.send(chatId, edit);
  }

  get size(): number {
    return this.chats.size;
  }

  private send(chatId: number, edit: () => Promise<void>): void {
    const chat: Pending = { waiting: undefined };
    this.chats.set(chatId, chat);
    edit()
      .catch(this.onError)
      .finally(() => {
        setTimeout(() => {
          this.chats.delete(chatId);
          if (chat.waiting) this.send(chatId, chat.waiting);
        }, this.intervalMs).unref();
      });
  }
}
