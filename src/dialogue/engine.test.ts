import { beforeAll, describe, expect, it } from 'vitest';
import { gendered } from '../catalogue/gendered.js';
import { type Catalogue, loadCatalogue } from '../catalogue/load.js';
import type { Lang } from '../catalogue/schema.js';
import { type Coach, createCoach } from '../coach/coach.js';
import { tipSummary } from '../coach/tips.js';
import { createMatcher } from '../matcher/matcher.js';
import { coreButtons } from './buttons.js';
import { createEngine, type Engine } from './engine.js';
import { COMMANDS, type StepResult, type UserEvent } from './messages.js';
import { type DialogueState, initialState, persistable } from './state.js';
import { talkButtons } from './talk/buttons.js';

const NOW = new Date('2026-11-25T12:00:00Z');

let catalogue: Catalogue;
let coach: Coach;
let engine: Engine;

beforeAll(() => {
  catalogue = loadCatalogue();
  const matcher = createMatcher(catalogue);
  coach = createCoach(catalogue, matcher);
  engine = createEngine({ catalogue, matcher, coach });
});

const WARM: Record<Lang, string[]> = {
  ru: [
    'Я слышу, что тебе за меня тревожно. Что тебя больше всего беспокоит?',
    'Похоже, для тебя это очень важно. Расскажи, как ты к этому пришла?',
    'Спасибо, что говоришь со мной честно. Мне важно тебя понять.',
    'Мы оба хотим, чтобы в семье был мир. Как ты думаешь, с чего начать?',
    'Насколько ты в этом уверена, от 0 до 10?',
  ],
  en: [
    "I can hear that you're worried about me. What worries you most?",
    'It sounds like this really matters to you. How did you come to see it that way?',
    'Thank you for being honest with me. I really want to understand you.',
    'We both want peace in this family. Where do you think we could start?',
    'How sure are you of that, from 0 to 10?',
  ],
};

const HOSTILE: Record<Lang, string[]> = {
  ru: [
    'Тебе промыли мозги, ты как зомби.',
    'Ну да, конечно, по телевизору же не врут.',
    'Не звони мне, пока не перестанешь смотреть эту чушь.',
  ],
  en: [
    "You've been brainwashed, you're a zombie.",
    'Oh sure, because the TV never lies.',
    "Don't call me until you stop watching that garbage.",
  ],
};

function run(state: DialogueState, events: UserEvent[]): { state: DialogueState; results: StepResult[] } {
  const results: StepResult[] = [];
  for (const event of events) {
    const result = engine.step(state, event, { now: NOW });
    results.push(result);
    state = result.state;
  }
  return { state, results };
}

const text = (value: string): UserEvent => ({ kind: 'text', text: value });
const press = (data: string): UserEvent => ({ kind: 'button', data });

/** Plays replies in a practice with the persona; returns the openness trail at the end (or where it ended). */
function practise(persona: string, lang: Lang, replies: string[], seed = 7): number[] {
  let { state } = run(initialState(lang, seed), [press(talkButtons.persona(persona))]);
  let trail = state.practice?.opennessTrail ?? [];
  for (const reply of replies) {
    const result = engine.step(state, text(reply), { now: NOW });
    const finished = result.effects.find((effect) => effect.kind === 'practice-finished');
    if (finished) return finished.summary.openness;
    state = result.state;
    trail = state.practice?.opennessTrail ?? trail;
  }
  return trail;
}

describe('practice', () => {
  it('the scripted replies are judged as intended (otherwise the tests below prove nothing)', () => {
    for (const lang of ['ru', 'en'] as const) {
      for (const reply of WARM[lang]) expect(coach.judge(reply, { lang }).verdict, reply).toBe('empathic');
      for (const reply of HOSTILE[lang]) expect(coach.judge(reply, { lang }).verdict, reply).toBe('toxic');
    }
  });

  it('every persona opens up to warm replies and shuts down to hostile ones, in both languages', () => {
    for (const persona of catalogue.personas) {
      for (const lang of ['ru', 'en'] as const) {
        const warm = practise(persona.id, lang, [...WARM[lang], ...WARM[lang]]);
        const hostile = practise(persona.id, lang, [...HOSTILE[lang], ...HOSTILE[lang]]);
        const start = warm[0] ?? 0;
        expect(hostile[0], 'the same seed gives the same start').toBe(start);
        expect(warm.at(-1), `${persona.id} ${lang} warm`).toBeGreaterThanOrEqual(90);
        expect(hostile.at(-1), `${persona.id} ${lang} hostile`).toBeLessThanOrEqual(5);
      }
    }
  });

  it('a bare argument changes nothing, a lecture makes the relative brush it off', () => {
    let { state } = run(initialState('ru', 3), [press(talkButtons.persona('uncle'))]);
    const start = state.practice?.openness ?? 0;
    const argument = engine.step(state, text('В 2008 году НАТО отказало Украине в плане членства.'), {
      now: NOW,
    });
    expect(argument.messages[0]?.feedback?.verdict).toBe('neutral');
    expect(argument.state.practice?.openness).toBe(start);
    state = argument.state;
    const lecture = engine.step(
      state,
      text(
        'Смотри: https://www.bbc.com/russian и https://meduza.io и https://novayagazeta.eu — почитай, там всё написано.',
      ),
      { now: NOW },
    );
    const uncle = catalogue.persona('uncle');
    const reply = lecture.messages[1]?.text ?? '';
    expect(
      uncle?.ru.reactions.dismiss.some((line) => reply.includes(line)),
      reply,
    ).toBe(true);
    expect(lecture.state.practice?.openness).toBeLessThan(start);
  });

  it('a confidence-scale question gets a number, higher while the relative is defensive', () => {
    const { state } = run(initialState('ru', 11), [press(talkButtons.persona('mother'))]);
    const result = engine.step(state, text('Мам, а насколько ты в этом уверена, от 0 до 10?'), { now: NOW });
    const reply = result.messages[1]?.text ?? '';
    const number = Number(/\d+/.exec(reply)?.[0]);
    expect(number).toBeGreaterThanOrEqual(6);
    expect(number).toBeLessThanOrEqual(10);
  });

  it('"try that turn again" restores the state before the turn exactly, turn after turn', () => {
    const start = run(initialState('en', 5), [press(talkButtons.persona('colleague'))]);
    let state = start.state;
    const before: DialogueState[] = [];
    /** The relative's line the user was answering, as shown (after "Name: "). */
    const spoken = (message: string | undefined) => (message ?? '').replace(/^[^:]+: /, '');
    const shown = [spoken(start.results[0]?.messages.at(-1)?.text)];
    for (const reply of [WARM.en[0], HOSTILE.en[1], WARM.en[2]]) {
      before.push(state);
      const result = engine.step(state, text(reply ?? ''), { now: NOW });
      state = result.state;
      shown.push(spoken(result.messages.at(-1)?.text));
    }
    const serial = state.practice?.serial ?? 0;
    const again = engine.step(state, press(talkButtons.again(serial)), { now: NOW });
    expect(again.state).toEqual(before[2]);
    expect(again.messages[0]?.text).toMatch(/^Turn undone\. Andrey, a colleague just said this/);
    expect(again.messages[0]?.text.endsWith(`\n\n${shown[2]}`)).toBe(true);
    const twice = engine.step(again.state, { kind: 'command', name: 'again' }, { now: NOW });
    expect(twice.state).toEqual(before[1]);
    expect(twice.messages[0]?.text.endsWith(`\n\n${shown[1]}`)).toBe(true);
    state = twice.state;
    // A different reply from the restored state leads somewhere else.
    const retried = engine.step(state, text(WARM.en[3] ?? ''), { now: NOW }).state;
    expect(retried.practice?.openness).toBeGreaterThan(before[2]?.practice?.openness ?? 100);
  });

  it('repeats a confidence number exactly after "try again", on the scale the question used', () => {
    let { state } = run(initialState('ru', 11), [press(talkButtons.persona('mother'))]);
    const asked = engine.step(state, text('Мам, а насколько ты в этом уверена, от 0 до 100?'), { now: NOW });
    const line = (asked.messages.at(-1)?.text ?? '').replace(/^Мама: /, '');
    expect(Number(/\d+/.exec(line)?.[0])).toBeGreaterThanOrEqual(60);
    state = engine.step(asked.state, text(WARM.ru[0] ?? ''), { now: NOW }).state;
    const again = engine.step(state, { kind: 'command', name: 'again' }, { now: NOW });
    expect(again.messages[0]?.text).toMatch(/^Ход отменён\. Мама только что сказала/);
    expect(again.messages[0]?.text.endsWith(`\n\n${line}`)).toBe(true);
  });

  it('keeps no text in the state, only keys: not the lines, not the tips that quote the reply', () => {
    let { state } = run(initialState('ru', 6), [press(talkButtons.persona('mother'))]);
    const tips: string[] = [];
    let last: StepResult | undefined;
    for (const reply of [WARM.ru[0], HOSTILE.ru[0], WARM.ru[4], HOSTILE.ru[0]]) {
      last = engine.step(state, text(reply ?? ''), { now: NOW });
      tips.push(...(last.messages[0]?.feedback?.tips ?? []));
      state = last.state;
      expect(JSON.stringify(persistable(state))).not.toMatch(/[а-яё]/i);
    }
    expect(tips.join(' '), 'the feedback quotes the reply').toMatch(/«[^»]*(зомби|промыли)/);
    if (state.practice) last = engine.step(state, { kind: 'command', name: 'stop' }, { now: NOW });
    const summary = last?.messages.at(-1)?.text;
    // The summary names the habit, in words that quote no reply.
    const fix = coach.judge(HOSTILE.ru[0] ?? '').tipKeys[0] ?? 'insult';
    expect(summary).toContain(`• ${tipSummary(fix, 'ru')}`);
    expect(summary).not.toMatch(/зомби|промыли/);
  });

  it('reaches every persona × position pair, opening with a line of that position', () => {
    for (const persona of catalogue.personas) {
      for (const position of persona.positions) {
        const { state, results } = run(initialState('ru', 1), [
          press(talkButtons.persona(persona.id, position)),
        ]);
        expect(state.practice?.position).toBe(position);
        const opener = results[0]?.messages.at(-1)?.text ?? '';
        expect(persona.ru.lines[position]?.defensive.some((line) => opener.endsWith(line))).toBe(true);
      }
    }
  });

  it('never repeats a line within a session while others remain', () => {
    for (const persona of catalogue.personas) {
      const neutral = Array.from({ length: 12 }, (_, i) => `Ну не знаю. Посмотрим ${i}.`);
      let { state } = run(initialState('ru', 2), [press(talkButtons.persona(persona.id))]);
      const said = [state.practice?.lastLine ?? ''];
      for (const reply of neutral) {
        const result = engine.step(state, text(reply), { now: NOW });
        state = result.state;
        if (!state.practice) break;
        said.push(state.practice.lastLine);
      }
      expect(new Set(said).size, persona.id).toBe(said.length);
    }
  });

  it('ends after the turn limit with a summary: counts, balance, a sparkline and tips', () => {
    const { results } = run(initialState('en', 9), [
      press(talkButtons.persona('brother')),
      ...Array.from({ length: 12 }, (_, i) => text(`Well, turnout was ${40 + i}% last time.`)),
    ]);
    const last = results.at(-1);
    const finished = last?.effects.find((effect) => effect.kind === 'practice-finished');
    expect(finished?.kind === 'practice-finished' && finished.summary.outcome).toBe('limit');
    expect(finished?.kind === 'practice-finished' && finished.summary.turns).toBe(12);
    const summary = last?.messages.at(-1)?.text ?? '';
    expect(summary).toContain('Turns: 12');
    expect(summary).toContain('Replies: none warm, 12 neutral, none hurtful');
    expect(summary).toContain(
      'You never put his feelings into words and never asked — next time, start with these',
    );
    expect(summary).toMatch(/Openness: [▁▂▃▄▅▆▇█]{13}, from \d+ to \d+ out of 100/);
    expect(summary).toContain('For next time:');
    expect(last?.state.practice).toBeUndefined();
  });

  it('a button of an ended practice is stale, and says so kindly', () => {
    const { state } = run(initialState('ru', 4), [
      press(talkButtons.persona('friend')),
      { kind: 'command', name: 'stop' },
    ]);
    const result = engine.step(state, press(talkButtons.again(1)), { now: NOW });
    expect(result.messages[0]?.text).toContain('уже не действует');
    expect(result.state).toEqual({ ...state, mode: 'menu' });
  });

  it('switches the language in the middle of a practice without leaving it', () => {
    const { state } = run(initialState('ru', 4), [
      press(talkButtons.persona('friend')),
      { kind: 'command', name: 'lang', argument: 'en' },
    ]);
    expect(state).toMatchObject({ lang: 'en', mode: 'practice' });
    const next = engine.step(state, text(WARM.en[0] ?? ''), { now: NOW });
    expect(next.messages[0]?.text).toMatch(/^Warm\./);
    expect(next.messages[1]?.text).toMatch(new RegExp(`^${catalogue.persona('friend')?.en.name}:`));
  });

  it('asks before a command leaves a practice under way, and keeps its summary when the user finishes it', () => {
    const { state } = run(initialState('ru', 4), [
      press(talkButtons.persona('mother')),
      text(WARM.ru[0] ?? ''),
    ]);
    const asked = engine.step(state, { kind: 'command', name: 'advice' }, { now: NOW });
    expect(asked.messages).toHaveLength(1);
    expect(asked.messages[0]?.text).toContain('Тренировка ещё идёт: Мама, ходов: 1');
    expect(asked.state).toEqual(state);
    const finish = asked.messages[0]?.buttons[0]?.[0]?.data ?? '';
    const left = engine.step(asked.state, press(finish), { now: NOW });
    expect(left.effects.map((effect) => effect.kind)).toContain('practice-finished');
    expect(left.messages[0]?.text).toContain('Ходов: 1');
    expect(left.state).toMatchObject({ mode: 'advise', practice: undefined });
  });

  it('goes back to the practice as it was when the user stays, and a menu button asks too', () => {
    const { state } = run(initialState('en', 4), [
      press(talkButtons.persona('mother')),
      text(WARM.en[0] ?? ''),
    ]);
    const asked = engine.step(state, press(coreButtons.menu), { now: NOW });
    expect(asked.messages[0]?.text).toContain("You're still practising with Mum (1 turn)");
    const stayed = engine.step(asked.state, press(coreButtons.stay), { now: NOW });
    expect(stayed.state).toEqual(state);
    expect(stayed.messages[0]?.text).toContain("Let's carry on");
    expect(stayed.messages[0]?.text).toMatch(/\nMum: /);
    const startAsked = engine.step(state, press(talkButtons.open('topics')), { now: NOW });
    expect(startAsked.messages[0]?.buttons[0]?.[0]?.data).toBe(
      coreButtons.leaveBy(talkButtons.open('topics')),
    );
  });

  it('leaves a practice with no reply yet without asking: there is nothing to lose', () => {
    const { state } = run(initialState('ru', 4), [press(talkButtons.persona('mother'))]);
    const result = engine.step(state, { kind: 'command', name: 'start' }, { now: NOW });
    expect(result.state.mode).toBe('menu');
    expect(result.messages.at(-1)?.text).toBe('Что делаем?');
  });

  it('is deterministic for a seed', () => {
    const events = [press(talkButtons.persona('*')), text(WARM.ru[0] ?? ''), text(WARM.ru[1] ?? '')];
    const first = run(initialState('ru', 42), events).results.map((result) => result.messages);
    const second = run(initialState('ru', 42), events).results.map((result) => result.messages);
    expect(second).toEqual(first);
  });
});

describe('help and language', () => {
  it.each(['ru', 'en'] as const)('help in %s names every command and has the menu buttons', (lang) => {
    const [help] = engine.step(
      initialState(lang, 1),
      { kind: 'command', name: 'help' },
      { now: NOW },
    ).messages;
    for (const name of COMMANDS) expect(help?.text, name).toContain(`/${name}`);
    expect(help?.buttons.flat().map((button) => button.data)).toContain(talkButtons.open('advice'));
  });

  it('keeps how the user speaks of themselves, chosen once with /settings, and can forget it', () => {
    const asked = engine.step(initialState('ru', 1), { kind: 'command', name: 'settings' }, { now: NOW });
    const datas = asked.messages[0]?.buttons.flat().map((button) => button.data);
    expect(datas).toEqual([
      coreButtons.userGender('female'),
      coreButtons.userGender('male'),
      coreButtons.userGender('none'),
    ]);
    const chosen = engine.step(asked.state, press(coreButtons.userGender('female')), { now: NOW });
    expect(chosen.state.userGender).toBe('female');
    expect(chosen.messages[0]?.text).toContain('«я поняла»');
    const unset = engine.step(chosen.state, press(coreButtons.userGender('none')), { now: NOW });
    expect(unset.state.userGender).toBeUndefined();
  });

  it('says the change of language in both languages, with the way back', () => {
    const [toEnglish] = engine.step(
      initialState('ru', 1),
      { kind: 'command', name: 'lang' },
      { now: NOW },
    ).messages;
    expect(toEnglish?.text).toMatch(/I speak English now.*Чтобы вернуть русский: \/lang ru/s);
    const [toRussian] = engine.step(
      initialState('en', 1),
      { kind: 'command', name: 'lang' },
      { now: NOW },
    ).messages;
    expect(toRussian?.text).toMatch(/по-русски.*To switch back to English: \/lang en/s);
  });
});

describe('typed text after the progress view or the topics', () => {
  it('is a new question, answered as at the menu: a voting question reaches the guide', () => {
    for (const lang of ['ru', 'en'] as const) {
      const question = lang === 'ru' ? 'где мой избирательный участок?' : 'where is my polling station?';
      const atMenu = run(initialState(lang, 1), [text(question)]).results[0];
      for (const opening of [
        { kind: 'command', name: 'progress' } as const,
        press(talkButtons.open('topics')),
      ]) {
        const after = run(initialState(lang, 1), [opening, text(question)]).results[1];
        expect(
          after?.messages.map((m) => m.text),
          `${lang} ${JSON.stringify(opening)}`,
        ).toEqual(atMenu?.messages.map((m) => m.text));
      }
    }
  });
});

describe('advice', () => {
  it('"another answer" under the facts goes on from the answer on screen', () => {
    const { results } = run(initialState('en', 1), [
      press(talkButtons.answer('vote-rigged', 1)),
      press(talkButtons.facts('vote-rigged', 1)),
    ]);
    const another = results[1]?.messages[0]?.buttons[0]?.[0]?.data ?? '';
    const count = catalogue.position('vote-rigged')?.en.answers.length ?? 0;
    expect(another).toBe(talkButtons.answer('vote-rigged', 2 % count));
  });

  it('answers a recognised position with relate, unite and ask, and counts it', () => {
    const result = engine.step(
      initialState('ru', 1),
      text('да всё равно нарисуют сколько надо, зачем идти'),
      { now: NOW },
    );
    const position = catalogue.position('vote-rigged');
    const answer = position?.ru.answers[0];
    const card = result.messages[0];
    // Nobody is named: gendered words show both forms.
    expect(card?.text).toContain(gendered(answer?.relate ?? ''));
    expect(card?.text).toContain(gendered(answer?.unite ?? ''));
    expect(card?.text).toContain(gendered(answer?.ask ?? ''));
    expect(card?.text).not.toMatch(/[{}[\]|]/);
    expect(card?.buttons.flat().map((button) => button.data)).toEqual(
      expect.arrayContaining([talkButtons.facts('vote-rigged'), talkButtons.practisePosition('vote-rigged')]),
    );
    expect(result.effects).toContainEqual({ kind: 'positions-met', positions: ['vote-rigged'] });
  });

  it("speaks to the relative in their grammatical gender, and in the user's own where they said it", () => {
    const card = (words: string, state = initialState('ru', 1)) =>
      engine.step(state, text(words), { now: NOW }).messages[0]?.text ?? '';
    expect(card('папа опять: да всё равно нарисуют сколько надо')).toContain('ты слышал ');
    expect(card('мама опять: да всё равно нарисуют сколько надо')).toContain('ты слышала ');
    expect(card('да всё равно нарисуют сколько надо')).toContain('ты слышал(а) ');
  });

  it('offers a choice when several positions are matched', () => {
    const result = engine.step(
      initialState('en', 1),
      text("NATO came right up to our borders. And anyway, if not Putin, then who? There's nobody else."),
      { now: NOW },
    );
    const choices = result.messages[0]?.buttons.flat().map((button) => button.data) ?? [];
    expect(choices).toEqual(
      expect.arrayContaining([talkButtons.answer('nato-threat', 0), talkButtons.answer('no-alternative', 0)]),
    );
  });

  it('shows the sources of the facts and the pitfalls', () => {
    const facts = engine.step(initialState('en', 1), press(talkButtons.facts('biolabs')), { now: NOW })
      .messages[0]?.text;
    for (const { source } of catalogue.position('biolabs')?.counterarguments ?? [])
      expect(facts).toContain(source.url);
    const pitfalls = engine.step(initialState('en', 1), press(talkButtons.pitfalls('biolabs')), { now: NOW })
      .messages[0];
    expect(pitfalls?.text).toContain(catalogue.position('biolabs')?.en.pitfalls[0]?.avoid);
  });

  it('says honestly when nothing matched, and keeps the text only after consent', () => {
    const phrasing = 'а вот у нас в подъезде опять лампочку выкрутили';
    const unmatched = engine.step(initialState('ru', 1), text(phrasing), { now: NOW });
    expect(unmatched.messages[0]?.text).toContain('не узнал');
    expect(unmatched.effects).toEqual([]);
    expect(JSON.stringify(persistable(unmatched.state))).not.toContain('лампочку');

    const declined = engine.step(unmatched.state, press(talkButtons.share(false)), { now: NOW });
    expect(declined.effects).toEqual([]);
    expect(declined.state.pendingPhrasing).toBeUndefined();

    const agreed = engine.step(unmatched.state, press(talkButtons.share(true)), { now: NOW });
    expect(agreed.effects).toEqual([{ kind: 'share-phrasing', text: phrasing, lang: 'ru' }]);
    const again = engine.step(agreed.state, press(talkButtons.share(true)), { now: NOW });
    expect(again.effects).toEqual([]);
  });

  it('browses the topics by group down to a position card', () => {
    const { results } = run(initialState('en', 1), [
      press(talkButtons.open('topics')),
      press(talkButtons.group('information')),
    ]);
    const topics = results[1]?.messages[0]?.buttons.flat().map((button) => button.data) ?? [];
    expect(topics).toEqual(
      expect.arrayContaining([talkButtons.answer('tv-says', 0), talkButtons.answer('everyone-lies', 0)]),
    );
  });
});

describe('bad input', () => {
  it('answers empty, invisible, huge, binary and right-to-left text without failing', () => {
    const inputs = [
      '',
      '   ',
      '\u200b\u200d\u2060',
      'x'.repeat(1_000_000),
      '\u0000\u0001\u0002',
      'مرحبا \u202e abc',
      '🙂🙂🙂',
    ];
    for (const input of inputs) {
      const result = engine.step(initialState('ru', 1), text(input), { now: NOW });
      expect(result.messages.length, JSON.stringify(input.slice(0, 20))).toBeGreaterThan(0);
    }
    const huge = engine.step(initialState('en', 1), text('x '.repeat(500_000)), { now: NOW });
    expect(huge.messages[0]?.text).toContain('is long');
  });

  it('answers an unknown or malformed button with the menu', () => {
    const malformed = [
      '',
      'zzz',
      'talk:zzz',
      'talk:answer:no-such-position:0',
      'talk:persona:nobody',
      'talk:group:nothing',
      'talk:persona:mother:tv',
      'talk:again:abc',
      'menu:zzz',
      'forget:maybe',
      'nopart:advice',
    ];
    // And buttons of messages sent before the data was namespaced.
    const old = ['m:advice', 'p:vote-rigged:0', 's:mother', 'd:1', 'c:1'];
    for (const data of [...malformed, ...old]) {
      const result = engine.step(initialState('en', 1), press(data), { now: NOW });
      expect(result.messages[0]?.text, data).toContain('no longer works');
    }
  });
});
