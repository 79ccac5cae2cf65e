import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalogue/load.js';
import type { Persona } from '../../catalogue/schema.js';
import { createCoach } from '../../coach/coach.js';
import { createMatcher } from '../../matcher/matcher.js';
import type { PracticeTurn } from '../state.js';
import { personaReply, saidLine } from './persona-reply.js';

const mother = loadCatalogue().persona('mother') as Persona;

describe('saidLine', () => {
  it('finds the text of a line the state keeps by key', () => {
    expect(saidLine(mother, 'ru', 'reaction:hurt:1')).toBe(mother.ru.reactions.hurt[1]);
    const line = Object.keys(mother.en.lines)[0] ?? '';
    expect(saidLine(mother, 'en', `line:${line}:open:0`)).toBe(mother.en.lines[line]?.open[0]);
  });

  it('fills in the number a confidence line said', () => {
    const said = saidLine(mother, 'en', 'confidence:guarded:1=70');
    expect(said).toBe(mother.en.confidence.guarded[1]?.replaceAll('{n}', '70'));
    expect(said).toContain('70');
  });

  it('says the line in the other language when this one has fewer, and nothing for a key it does not know', () => {
    const shorter = { ...mother, en: { ...mother.en, reactions: { ...mother.en.reactions, hurt: [] } } };
    expect(saidLine(shorter, 'en', 'reaction:hurt:0')).toBe(mother.ru.reactions.hurt[0]);
    for (const key of ['reaction:constructor:0', 'line:nothing:open:0', 'elsewhere:0'])
      expect(saidLine(mother, 'en', key), key).toBe('');
  });
});

describe('personaReply', () => {
  const catalogue = loadCatalogue();
  const coach = createCoach(catalogue, createMatcher(catalogue));
  const before: PracticeTurn = {
    persona: 'mother',
    position: 'tv-says',
    openness: 40,
    turn: 1,
    used: [],
    lastLine: 'line:tv-says:defensive:0',
    opennessTrail: [40],
  };
  const hurtLines = (reply: string) => {
    const judgement = coach.judge(reply, { lang: 'ru' });
    expect(judgement.verdict, reply).toBe('toxic');
    return new Set(
      Array.from(
        { length: 40 },
        (_, seed) => personaReply(mother, 'ru', before, judgement, reply, seed * 7919).line,
      ),
    );
  };

  it('echoes an insult only after that insult, and a hurt line fits any hurtful reply', () => {
    const afterUltimatum = hurtLines('Не звони мне, пока не перестанешь смотреть эту чушь.');
    expect([...afterUltimatum].some((line) => /зомби|глупая/.test(line))).toBe(false);
    expect(afterUltimatum.size).toBeGreaterThan(1);
    const afterZombie = hurtLines('Ты как зомби перед телевизором.');
    expect([...afterZombie].some((line) => line.includes('зомби'))).toBe(true);
  });
});

describe('the lines a relative answers a reply with', () => {
  it('never take up a point the user may not have made ("Observers, you say?", "I agree Ukraine isn\'t a puppet")', () => {
    // A relative's line follows any reply of its kind; one that quotes or grants a particular argument would
    // answer words the user never said.
    const ECHO =
      /,\s*(?:you say|говоришь)[?.,]|(?:like|as) you say\b|как ты говоришь|^(?:I agree\b|Согласен,|Согласна,)/iu;
    for (const persona of loadCatalogue().personas)
      for (const lang of ['ru', 'en'] as const)
        for (const [position, states] of Object.entries(persona[lang].lines))
          for (const state of ['guarded', 'open'] as const)
            for (const line of states[state])
              expect(line, `${persona.id} ${lang} ${position} ${state}`).not.toMatch(ECHO);
  });
});

describe('after a warm reply', () => {
  const catalogue = loadCatalogue();
  const coach = createCoach(catalogue, createMatcher(catalogue));

  it('never accuses the user of pushing or lecturing right after a warm question', () => {
    for (const persona of catalogue.personas)
      for (const lang of ['ru', 'en'] as const) {
        const reply =
          lang === 'ru' ? 'Что для тебя в этом самое важное?' : 'What matters most to you in this?';
        const judgement = coach.judge(reply, { lang });
        expect(judgement.verdict, reply).toBe('empathic');
        for (const position of persona.positions)
          for (const openness of [0, 30, 50])
            for (let seed = 0; seed < 12; seed++) {
              const said = personaReply(
                persona,
                lang,
                {
                  persona: persona.id,
                  position,
                  openness,
                  turn: 1,
                  used: [],
                  lastLine: `line:${position}:defensive:0`,
                  opennessTrail: [openness],
                },
                judgement,
                reply,
                seed * 7919,
              ).line;
              expect(said, `${persona.id} ${position}`).not.toMatch(/агитир|лекци|lectur|campaign/iu);
            }
      }
  });
});
