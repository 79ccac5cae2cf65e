import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoalescedEdits } from './coalesced-edits.js';

// What a chat sees: the first state at once, then at most one edit a second, always ending on the latest.

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('coalesced edits', () => {
  it('sends the first at once, holds the rest for a second after it, and sends only the latest of them', async () => {
    const shown: string[] = [];
    const edits = new CoalescedEdits();
    const edit = (text: string) => async () => {
      shown.push(text);
    };
    edits.show(1, edit('1'));
    edits.show(1, edit('2'));
    edits.show(1, edit('3'));
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toEqual(['1']);
    await vi.advanceTimersByTimeAsync(999);
    expect(shown).toEqual(['1']);
    await vi.advanceTimersByTimeAsync(1);
    expect(shown).toEqual(['1', '3']);
    // Quiet for a second after the last edit: the chat is forgotten, and the next edit goes out at once.
    await vi.advanceTimersByTimeAsync(1000);
    expect(edits.size).toBe(0);
    edits.show(1, edit('4'));
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toEqual(['1', '3', '4']);
  });

  it('counts the pause from the end of a slow edit, and keeps chats apart', async () => {
    const shown: string[] = [];
    const edits = new CoalescedEdits();
    const slow = (text: string) => () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          shown.push(text);
          resolve();
        }, 500),
      );
    edits.show(1, slow('a1'));
    edits.show(2, slow('b1'));
    edits.show(1, slow('a2'));
    await vi.advanceTimersByTimeAsync(500);
    expect(shown).toEqual(['a1', 'b1']);
    // a2 starts 1000 ms after a1 ended and takes 500 ms itself.
    await vi.advanceTimersByTimeAsync(1499);
    expect(shown).toEqual(['a1', 'b1']);
    await vi.advanceTimersByTimeAsync(1);
    expect(shown).toEqual(['a1', 'b1', 'a2']);
  });

  it('goes on after a failed edit, and says so', async () => {
    const errors: unknown[] = [];
    const shown: string[] = [];
    const edits = new CoalescedEdits({ onError: (error) => errors.push(error) });
    edits.show(1, () => Promise.reject(new Error('Bad Request')));
    edits.show(1, async () => {
      shown.push('after');
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toHaveLength(1);
    expect(shown).toEqual(['after']);
  });
});
