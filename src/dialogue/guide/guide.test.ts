import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalogue/load.js';
import { createCoach } from '../../coach/coach.js';
import { createMatcher } from '../../matcher/matcher.js';
import { createEngine, type Engine } from '../engine.js';
import type { StepResult, UserEvent } from '../messages.js';
import { type DialogueState, initialState } from '../state.js';
import { guideButtons } from './buttons.js';

// Before the 2024 voting days its stations are upcoming; after them, past.
const BEFORE = new Date('2024-03-01T12:00:00Z');
const AFTER = new Date('2026-12-07T12:00:00Z');

let engine: Engine;
beforeAll(() => {
  const catalogue = loadCatalogue();
  const matcher = createMatcher(catalogue);
  engine = createEngine({ catalogue, matcher, coach: createCoach(catalogue, matcher) });
});

interface Options {
  now?: Date;
  reminders?: boolean;
}

function step(state: DialogueState, event: UserEvent, options: Options = {}): StepResult {
  return engine.step(state, event, { now: options.now ?? AFTER, reminders: options.reminders ?? true });
}
const text = (value: string): UserEvent => ({ kind: 'text', text: value });
const press = (data: string): UserEvent => ({ kind: 'button', data });
const buttonsOf = (result: StepResult) => result.messages.flatMap((m) => m.buttons.flat());
const textOf = (result: StepResult) => result.messages.map((m) => m.text).join('\n');

/** Presses the button with this label in the last reply. */
function choose(result: StepResult, label: string, options?: Options): StepResult {
  const button = buttonsOf(result).find((b) => b.label === label);
  if (!button)
    throw new Error(
      `no button '${label}' among ${buttonsOf(result)
        .map((b) => b.label)
        .join(', ')}`,
    );
  return step(result.state, press(button.data), options);
}

describe('the front door', () => {
  it('answers a practical question from the guide, not as an unknown position', () => {
    const reply = step(
      initialState('ru', 1),
      text('нужно ли заранее подавать заявление чтобы проголосовать в Ереване?'),
    );
    expect(textOf(reply)).toContain('Нужно ли заранее подавать заявление');
    expect(buttonsOf(reply).map((b) => b.data)).toContain(guideButtons.topic('register-ahead'));
    expect(buttonsOf(reply).some((b) => b.data.startsWith('talk:share'))).toBe(false);
  });

  it('answers a relative’s words with talk’s advice', () => {
    const reply = step(initialState('ru', 1), text('да голосовать бессмысленно, всё равно всё нарисуют'));
    expect(reply.state.mode).toBe('advise');
    expect(buttonsOf(reply).some((b) => b.data.startsWith('talk:'))).toBe(true);
    expect(buttonsOf(reply).some((b) => b.data.startsWith('guide:'))).toBe(false);
  });

  it('offers both when both score: the surer part answers and the other offers its answer', () => {
    const reply = step(
      initialState('ru', 1),
      text('выборы всё равно фальсифицируют, зачем вообще идти на участок в посольство'),
    );
    const data = buttonsOf(reply).map((b) => b.data);
    expect(data.some((d) => d.startsWith('talk:answer:vote-rigged'))).toBe(true);
    expect(data.some((d) => d.startsWith('guide:topic:'))).toBe(true);
    expect(textOf(reply)).toContain('Если это ваш собственный вопрос о голосовании');
  });

  it('answers a question of where or how to vote alone: no position it barely brushes is offered', () => {
    // «Стамбул» brushes the Istanbul peace talks, "vote" brushes "my vote changes nothing": faint, not offered.
    for (const question of [
      'где галасовать в стамбуле',
      'how do I vote in Berlin?',
      'как проголосовать в Берлине?',
    ]) {
      const reply = step(initialState(/[а-я]/.test(question) ? 'ru' : 'en', 1), text(question));
      const data = buttonsOf(reply).map((b) => b.data);
      expect(
        data.some((d) => d.startsWith('guide:topic:')),
        question,
      ).toBe(true);
      expect(
        data.some((d) => d.startsWith('talk:')),
        question,
      ).toBe(false);
    }
  });

  it('takes a typed city as a search for its stations, in any language', () => {
    for (const city of ['Белград', 'beograd', 'Belgrade']) {
      const reply = step(initialState('en', 1), text(city));
      expect(textOf(reply), city).toContain('No. 8267 — Belgrade');
    }
  });

  it('does the same in the advice box', () => {
    const advising = step(initialState('en', 1), { kind: 'command', name: 'advice' });
    const reply = step(advising.state, text('can I vote with an expired passport?'));
    expect(buttonsOf(reply).map((b) => b.data)).toContain(guideButtons.topic('documents'));
  });
});

describe('/vote', () => {
  it('leads through the wizard to a checklist with the station, and a reminder for it', () => {
    let reply = step(initialState('ru', 1), { kind: 'command', name: 'vote' }, { now: BEFORE });
    reply = choose(reply, 'Могу ли я проголосовать?', { now: BEFORE });
    expect(textOf(reply)).toContain('Вопрос 1 из 6');
    reply = choose(reply, 'Да', { now: BEFORE });
    reply = step(reply.state, text('белград'), { now: BEFORE });
    expect(textOf(reply)).toContain('Какой российский паспорт');
    reply = choose(reply, 'Загранпаспорт', { now: BEFORE });
    reply = choose(reply, 'Да', { now: BEFORE });
    reply = choose(reply, 'Нет', { now: BEFORE });
    expect(textOf(reply)).toContain('Голосовать вы можете');
    expect(textOf(reply)).toContain('№ 8267 — Белград');
    reply = choose(reply, 'Напомнить о голосовании (№ 8267)', { now: BEFORE });
    expect(reply.effects).toContainEqual({
      kind: 'reminder',
      election: 'pres-2024',
      station: '8267',
      lang: 'ru',
    });
    expect(textOf(reply)).toContain('напомню накануне');
  });

  it('keeps no typed text in the state: only the answers’ codes', () => {
    let reply = step(initialState('en', 1), press(guideButtons.wizard));
    reply = choose(reply, 'Yes');
    reply = step(reply.state, text('beograd'));
    expect(JSON.stringify(reply.state)).not.toContain('beograd');
    expect(reply.state.guide?.wizard).toEqual({ citizen: 'yes', country: 'RS' });
  });

  it('says a button of an earlier question is stale by asking the current one again', () => {
    let reply = step(initialState('en', 1), press(guideButtons.wizard));
    const old = buttonsOf(reply).find((b) => b.label === 'Yes');
    reply = choose(reply, 'Yes');
    if (!old) throw new Error('no Yes button');
    const again = step(reply.state, press(old.data));
    expect(textOf(again)).toContain('Which country');
    expect(again.state.guide?.wizard).toEqual({ citizen: 'yes' });
  });

  it('shows every topic with its sources', () => {
    const topics = step(initialState('en', 1), press(guideButtons.topics));
    expect(buttonsOf(topics).filter((b) => b.data.startsWith('guide:topic:'))).toHaveLength(12);
    const topic = step(topics.state, press(guideButtons.topic('online-voting')));
    expect(textOf(topic)).toMatch(/Facts and sources:[\s\S]*https:\/\//);
    expect(textOf(topic)).toContain('checked 7 December 2026');
  });
});

describe('/remind', () => {
  it('asks for the station first when none was shown', () => {
    const reply = step(initialState('en', 1), { kind: 'command', name: 'remind' }, { now: BEFORE });
    expect(reply.state.mode).toBe('guide-find');
    const found = step(reply.state, text('Yerevan'), { now: BEFORE });
    expect(textOf(found)).toContain('No. 8026');
    const subscribed = step(found.state, { kind: 'command', name: 'remind' }, { now: BEFORE });
    expect(subscribed.effects).toContainEqual({
      kind: 'reminder',
      election: 'pres-2024',
      station: '8026',
      lang: 'en',
    });
    const off = choose(subscribed, 'Stop reminders', { now: BEFORE });
    expect(off.effects).toContainEqual({ kind: 'reminder-off' });
  });

  it('offers no reminder for an election that is over, nor on a channel that cannot write later', () => {
    const found = step(initialState('en', 1), text('Belgrade'));
    expect(buttonsOf(found).some((b) => b.data.startsWith('guide:remind'))).toBe(false);
    expect(textOf(found)).toContain('This election is over');
    const past = step(found.state, { kind: 'command', name: 'remind' });
    expect(past.effects).toEqual([]);
    const web = step(found.state, { kind: 'command', name: 'remind' }, { now: BEFORE, reminders: false });
    expect(web.effects).toEqual([]);
    expect(textOf(web)).toContain('Telegram bot');
  });
});

describe('bad input at the front door', () => {
  it('answers emoji, right-to-left, zero-width, binary and huge text without a crash or an echo', () => {
    const inputs = [
      '🙂🙂🙂',
      'שלום, איפה הקלפי?',
      '\u200b\u200b\u200b',
      '\u0000\u0001\u0002\uFFFD',
      `где участок ${'а'.repeat(5000)}`,
      '<script>alert(1)</script>',
    ];
    for (const input of inputs) {
      const reply = step(initialState('ru', 1), text(input));
      expect(reply.messages.length, JSON.stringify(input.slice(0, 20))).toBeGreaterThan(0);
      expect(textOf(reply)).not.toContain('<script>');
      expect(JSON.stringify(reply.state)).not.toContain('alert');
    }
  });
});

describe('/remind off', () => {
  it('ends the reminders without /forget', () => {
    const off = step(initialState('ru', 1), { kind: 'command', name: 'remind', argument: 'off' });
    expect(off.effects).toContainEqual({ kind: 'reminder-off' });
    expect(textOf(off)).toContain('напоминаний больше не будет');
  });
});
