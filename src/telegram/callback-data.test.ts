import { beforeAll, describe, expect, it } from 'vitest';
import { type Catalogue, loadCatalogue } from '../catalogue/load.js';
import { LANGS } from '../catalogue/schema.js';
import { createCoach } from '../coach/coach.js';
import { coreButtons, parseButton } from '../dialogue/buttons.js';
import { createEngine, type Engine } from '../dialogue/engine.js';
import { COMMANDS, type UserEvent } from '../dialogue/messages.js';
import { type DialogueState, initialState } from '../dialogue/state.js';
import { talkButtons } from '../dialogue/talk/buttons.js';
import { createMatcher } from '../matcher/matcher.js';
import { callbackDataFits } from './send.js';

// Telegram refuses a whole message if one button's callback_data is over 64 bytes. The engine makes the data,
// the real catalogue fills in the ids: so walk every button the engine can show for the real catalogue.

const NOW = new Date('2026-11-25T12:00:00Z');

let catalogue: Catalogue;
let engine: Engine;

beforeAll(() => {
  catalogue = loadCatalogue();
  const matcher = createMatcher(catalogue);
  engine = createEngine({ catalogue, matcher, coach: createCoach(catalogue, matcher) });
});

const bytes = (data: string) => Buffer.byteLength(data, 'utf8');

describe('callback data', () => {
  it('every form the engine makes fits in 64 bytes for every id of the catalogue', () => {
    const all: string[] = [];
    for (const position of catalogue.positions) {
      all.push(
        talkButtons.answer(position.id, 99),
        talkButtons.facts(position.id),
        talkButtons.pitfalls(position.id),
        talkButtons.practisePosition(position.id),
        talkButtons.group(position.group),
      );
      for (const persona of catalogue.personas) all.push(talkButtons.persona(persona.id, position.id));
    }
    // Practice serials grow with every practice of a user: leave room for a million of them.
    all.push(
      talkButtons.again(999_999),
      talkButtons.stop(999_999),
      talkButtons.persona('*'),
      talkButtons.share(true),
      coreButtons.menu,
      coreButtons.forget(true),
    );
    const longest = all.reduce((a, b) => (bytes(b) > bytes(a) ? b : a));
    expect(bytes(longest), longest).toBeLessThanOrEqual(64);
    expect(all.every(callbackDataFits)).toBe(true);
  });

  it('walking menu → topics → groups → cards → practice with every persona shows only buttons that fit', () => {
    const seen = new Map<string, number>();
    const queue: { state: DialogueState; event: UserEvent }[] = [];

    const step = (state: DialogueState, event: UserEvent): DialogueState => {
      const result = engine.step(state, event, { now: NOW });
      // Gender marks ({прав|права}, [хотел|хотела]) are rendered, never shown raw.
      for (const message of result.messages)
        expect(message.text).not.toMatch(/\{[^{}]*\|[^{}]*\}|\[[^[\]]*\|[^[\]]*\]/);
      for (const message of result.messages)
        for (const row of message.buttons)
          for (const button of row) {
            if (seen.has(button.data)) continue;
            seen.set(button.data, bytes(button.data));
            queue.push({ state: result.state, event: { kind: 'button', data: button.data } });
          }
      return result.state;
    };

    for (const lang of LANGS) {
      const start = initialState(lang, 1);
      for (const name of COMMANDS) step(start, { kind: 'command', name });
      // A recognised phrase, one that matches nothing (the consent buttons) and one that matches several.
      for (const text of [
        'да всё равно нарисуют сколько надо',
        'какая сегодня погода в Казани',
        'выборы всё равно подделают, а НАТО подошло к нашим границам',
      ])
        step(start, { kind: 'text', text });
    }
    for (let walked = 0; queue.length > 0; walked++) {
      expect(walked, 'the walk must end').toBeLessThan(20_000);
      const { state, event } = queue.shift()!;
      const next = step(state, event);
      // Inside a practice, a reply shows "try again" and "finish"; finishing shows the summary's buttons.
      if (next.mode === 'practice') {
        const replied = step(next, { kind: 'text', text: 'Я тебя слышу. Что тебя больше всего тревожит?' });
        step(replied, { kind: 'command', name: 'stop' });
      }
    }

    const actions = new Set(
      [...seen.keys()].map((data) => {
        const { part, action } = parseButton(data);
        return `${part}:${action}`;
      }),
    );
    expect([...actions].sort()).toEqual([
      'forget:no',
      'forget:yes',
      'guide:answer',
      'guide:back',
      'guide:find',
      'guide:home',
      'guide:topic',
      'guide:topics',
      'guide:wizard',
      'menu:gender',
      'menu:show',
      'talk:advice',
      'talk:again',
      'talk:answer',
      'talk:avoid',
      'talk:facts',
      'talk:group',
      'talk:persona',
      'talk:practice',
      'talk:progress',
      'talk:share',
      'talk:sheet',
      'talk:stop',
      'talk:topics',
      'talk:train',
    ]);
    for (const position of catalogue.positions)
      expect(seen.has(talkButtons.facts(position.id)), position.id).toBe(true);
    for (const persona of catalogue.personas)
      expect(seen.has(talkButtons.persona(persona.id)), persona.id).toBe(true);
    const tooLong = [...seen].filter(([, size]) => size > 64);
    expect(tooLong).toEqual([]);
  });
});
