import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { createCoach } from '../coach/coach.js';
import { createMatcher } from '../matcher/matcher.js';
import { buttonOf } from './buttons.js';
import { createEngine } from './engine.js';
import type { Part } from './part.js';
import { initialState } from './state.js';
import { talkButtons } from './talk/buttons.js';
import { TALK_COMMANDS } from './talk/commands.js';
import { talk } from './talk/talk.js';
import { TALK_TEXTS } from './talk/texts.js';
import { TEXTS } from './texts.js';

// The core knows no part by name: a part added to the list gets its own buttons, its rows of the menu, and
// only those; the others go on as before.

const NOW = new Date('2026-11-25T12:00:00Z');
const pressed: string[] = [];

const echo: Part = {
  id: 'echo',
  modes: [],
  commands: [],
  menu: () => [[{ label: 'Echo', data: buttonOf('echo', 'say', 'hello') }]],
  command: () => {},
  button({ turn }, action, args) {
    if (action !== 'say') return false;
    pressed.push(args.join(','));
    turn.say({ text: `echo ${args.join(' ')}`, buttons: [] });
    return true;
  },
  text: () => {},
};

const catalogue = loadCatalogue();
const matcher = createMatcher(catalogue);
const engine = createEngine({
  catalogue,
  matcher,
  coach: createCoach(catalogue, matcher),
  parts: [talk, echo],
});
const start = initialState('en', 1);
const press = (data: string) => engine.step(start, { kind: 'button', data }, { now: NOW });

describe('parts', () => {
  it("hand a part its own buttons, by namespace, and put its rows after the others' in the menu", () => {
    expect(press('echo:say:hello:there').messages.map((m) => m.text)).toEqual(['echo hello there']);
    expect(pressed).toEqual(['hello,there']);
    const menu = engine.step(start, { kind: 'command', name: 'menu' }, { now: NOW }).messages[0];
    expect(menu?.buttons.flat().map((button) => button.data)).toEqual([
      talkButtons.open('advice'),
      talkButtons.open('practice'),
      talkButtons.open('topics'),
      talkButtons.open('progress'),
      'echo:say:hello',
    ]);
  });

  it('call a button the part refuses, or of no part, stale', () => {
    for (const data of ['echo:shout', 'nobody:say:hello'])
      expect(press(data).messages[0]?.text, data).toBe(TEXTS.en.stale);
    expect(pressed).toEqual(['hello,there']);
  });

  it("leave the other parts' buttons, commands and text to them; text at the menu goes to the first part", () => {
    expect(press(talkButtons.open('topics')).messages[0]?.text).toBe(TALK_TEXTS.en.chooseTopicGroup);
    for (const name of TALK_COMMANDS)
      expect(
        engine.step(start, { kind: 'command', name }, { now: NOW }).messages.length,
        name,
      ).toBeGreaterThan(0);
    const advice = engine.step(start, { kind: 'text', text: 'they will rig the vote anyway' }, { now: NOW });
    expect(advice.state.mode).toBe('advise');
  });
});
