import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { createCoach } from '../coach/coach.js';
import { createMatcher } from '../matcher/matcher.js';
import { createEngine, type Engine } from './engine.js';
import { type EngineThread, startEngineThread } from './engine-thread.js';
import type { UserEvent } from './messages.js';
import type { StoredRow, StoredStepInput } from './stored-step.js';
import { talkButtons } from './talk/buttons.js';

// The engine on its own thread must answer exactly as the engine in this one: the same messages, states and
// effects for a whole practice, the same matches and judgements. The servers use only the thread.

const NOW = new Date('2026-11-25T12:00:00Z');

let thread: EngineThread;
let local: Engine;
let localMatch: (text: string) => unknown;
let localJudge: (text: string, context: string) => unknown;

beforeAll(async () => {
  thread = await startEngineThread({ retentionDays: 90 });
  const catalogue = loadCatalogue();
  const matcher = createMatcher(catalogue);
  const coach = createCoach(catalogue, matcher);
  local = createEngine({ catalogue, matcher, coach, retentionDays: 90 });
  localMatch = (text) => matcher.match(text);
  localJudge = (text, context) => coach.judge(text, { context });
});
afterAll(() => thread?.close());

describe('the engine thread', () => {
  it('plays a whole practice exactly as the engine in this thread does', async () => {
    const events: UserEvent[] = [
      { kind: 'command', name: 'practice' },
      { kind: 'button', data: talkButtons.persona('uncle') },
      { kind: 'text', text: 'Я слышу, как тебе тревожно. Что тебя больше всего пугает?' },
      { kind: 'text', text: 'Ну да, конечно, по телевизору же не врут.' },
      { kind: 'text', text: 'Мы оба хотим мира в семье. С чего бы ты начал?' },
    ];
    let remote: StoredRow | undefined;
    let here: StoredRow | undefined;
    let turn: number | undefined;
    for (const event of events) {
      const input = {
        event,
        context: { now: NOW },
        lang: 'ru',
        seed: 42,
        pendingPhrasing: undefined,
      } as const;
      const fromThread = await thread.stepStored({ ...input, stored: remote });
      const fromHere = local.stepStored({ ...input, stored: here });
      expect(fromThread).toEqual(fromHere);
      remote = fromThread.row;
      here = fromHere.row;
      turn = fromHere.state.practice?.turn;
    }
    expect(turn).toBe(3);
  });

  it('matches and judges as the matcher and the coach in this thread do', async () => {
    const said = 'Если бы не мы, НАТО напало бы первым.';
    expect(await thread.match(said)).toEqual(localMatch(said));
    expect((await thread.match(said)).positions.length).toBeGreaterThan(0);
    const reply = 'Тебе просто промыли мозги.';
    expect(await thread.judge(reply, { context: said })).toEqual(localJudge(reply, said));
  });

  it('fails only the call the engine could not answer, and goes on answering', async () => {
    // No caller sends an input that is not one: this stands for a bug.
    const notAnInput = null as unknown as StoredStepInput;
    const [failed, answered] = await Promise.allSettled([
      thread.stepStored(notAnInput),
      thread.match('Мой голос ничего не решает.'),
    ]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/null/) } });
    expect(answered).toMatchObject({ status: 'fulfilled' });
    expect((await thread.match('Мой голос ничего не решает.')).positions[0]?.id).toBeDefined();
  });

  it('reloads the catalogue and keeps answering', async () => {
    expect(await thread.reload()).toBe(true);
    expect((await thread.match('Путин, а кто если не он?')).positions.length).toBeGreaterThan(0);
  });

  it('says so clearly when called after it was closed', async () => {
    const short = await startEngineThread({ retentionDays: 90 });
    await short.close();
    await expect(short.match('test')).rejects.toThrow('the engine thread is closed');
  });

  it('refuses to start on a catalogue that does not load, naming the problem', async () => {
    await expect(
      startEngineThread({ retentionDays: 90, contentDir: '/nonexistent/content' }),
    ).rejects.toThrow(/nonexistent/);
  });
});
