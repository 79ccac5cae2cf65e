import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { createMatcher } from '../matcher/matcher.js';
import { createCoach } from './coach.js';
import { evaluateCoach } from './evaluate.js';

// Text that is not a reply to a relative: a sentence out of context, a forum comment, a post comforting a stranger.
// The coach judges those too (the external measures are made of them), by the same kinds of evidence.

const catalogue = loadCatalogue();
const matcher = createMatcher(catalogue);
const coach = createCoach(catalogue, matcher);
// The rules alone: vocabulary and idioms must not pass only because the learned layer heard the tone.
const rules = createCoach(catalogue, matcher, { tone: null });
const kinds = (text: string) => rules.judge(text).markers.map((marker) => marker.kind);

describe('names and slurs, by root and affix', () => {
  it('finds a masked or respelled derivative of мат', () => {
    for (const text of [
      'уёбывай с моей страницы',
      'съеби из треда',
      'автор долбаеб',
      'бл9ть, опять',
      'з@ебали уже',
    ]) {
      expect(rules.judge(text).verdict, text).toBe('toxic');
    }
  });

  it('finds insults in forms no list holds', () => {
    for (const text of [
      'заткнись, нищеброды проклятые',
      'какой же ты мудозвон',
      'эти твари опять всё разворовали',
      'подонки, таких сажать надо',
      'проваливай отсюда, чмошник',
      'youre honestly really stupid',
      'how are you this stupid',
      'u r so dum its painful',
      'shut your mouth you ignorant ass',
    ]) {
      expect(rules.judge(text).verdict, text).toBe('toxic');
    }
  });

  it('calls dehumanising names for groups toxic', () => {
    for (const text of [
      'быдлота опять понаехала',
      'скот, а не люди',
      'хохлы опять ноют',
      'these people are vermin',
      'subhuman trash, all of them',
      'sheep. every last one of them',
    ]) {
      expect(rules.judge(text).verdict, text).toBe('toxic');
    }
  });

  it('counts a mild name only when it is said to someone', () => {
    expect(rules.judge('иди лесом, клоун').verdict).toBe('toxic');
    expect(rules.judge('get lost, loser').verdict).toBe('toxic');
    expect(rules.judge('мы ходили в цирк, клоун был смешной').verdict).not.toBe('toxic');
    expect(rules.judge('хачапури у них отличные').verdict).not.toBe('toxic');
    expect(rules.judge('he shot them a quick message').verdict).not.toBe('toxic');
  });
});

describe('threats of violence', () => {
  it('calls an idiom of violence a threat, never an emotional reaction', () => {
    for (const text of [
      'я бы ему в морду дала за такое',
      'руки бы оторвать тем, кто это строил',
      'пусть сдохнут все эти чиновники',
      'someone should shoot them',
      "i'd punch him in the face if i saw him",
      'i hope you choke',
    ]) {
      const judgement = rules.judge(text);
      expect(judgement.verdict, text).toBe('toxic');
      expect(kinds(text), text).toContain('threat');
      expect(kinds(text), text).not.toContain('emotional-reaction');
    }
  });

  it('leaves the literal senses of the same words alone', () => {
    for (const text of [
      'мой телефон сдох вчера',
      'убить время в аэропорту',
      "i'd kill for a coffee right now",
    ]) {
      expect(rules.judge(text).verdict, text).not.toBe('toxic');
    }
  });
});

describe('tone and idiom', () => {
  it('hears swearing in a warm reply as a tone tip, not as an attack', () => {
    for (const text of [
      "I'm so fucking sorry that happened to you. You didn't deserve any of it.",
      'пиздец, как тебе досталось... держись, ты справишься',
      "that's a shitty situation and you handled it better than most people would",
    ]) {
      const judgement = rules.judge(text);
      expect(judgement.verdict, text).toBe('empathic');
      expect(judgement.tipKeys, text).toContain('tone:swearing');
    }
  });

  it('reads "I hope you wake up tomorrow" as a wish, not as "wake up!"', () => {
    const judgement = coach.judge('I hope you wake up tomorrow and things look up a little. You got this.');
    expect(judgement.verdict).toBe('empathic');
    expect(judgement.markers.map((marker) => marker.kind)).not.toContain('contempt');
  });

  it('does not count a hostile question as an open one', () => {
    for (const text of [
      'Почему ты такой тупой? У тебя что, мозгов совсем нет?',
      'why are you so dense? do you even read what you post?',
      'кто это минусует, вы больные?',
      'ты вообще кто такой, чтобы тут вякать?',
    ]) {
      const judgement = rules.judge(text);
      expect(judgement.verdict, text).toBe('toxic');
      expect(kinds(text), text).not.toContain('open-question');
    }
  });

  it('calls comfort to a stranger empathic', () => {
    for (const text of [
      'your feelings are completely valid. grief doesn’t have a timeline.',
      "it's not your fault. it was never your fault.",
      'ты не одна, слышишь? мы с тобой',
      'не вини себя, никто не мог знать заранее',
    ]) {
      expect(coach.judge(text).verdict, text).toBe('empathic');
    }
  });
});

describe('the learned layer', () => {
  it('abstains on a sentence it is not sure of and that says nothing hurtful in so many words', () => {
    const judgement = coach.judge("Because you don't care.");
    expect(judgement.verdict).toBe('neutral');
    expect(judgement.markers).toEqual([]);
  });

  it('never calls a polite or caring reply toxic on its own', () => {
    for (const text of [
      'уйди, пожалуйста, с моей страницы',
      'береги себя, пожалуйста. и не стесняйся сходить к психологу',
      "you're doing an amazing job with your kid, don't let anyone tell you otherwise",
    ]) {
      expect(coach.judge(text).verdict, text).not.toBe('toxic');
    }
  });
});

describe('the evaluation by slice', () => {
  it('gives toxic precision and recall per language and genre, and what became of the warm replies', () => {
    const report = evaluateCoach(rules, [
      { text: 'ты дебил', lang: 'ru', verdict: 'toxic', genre: 'forum-ru' },
      { text: 'у нас опять дождь', lang: 'ru', verdict: 'neutral', genre: 'forum-ru' },
      {
        text: "I'm so sorry, that must have been awful.",
        lang: 'en',
        verdict: 'empathic',
        genre: 'support-en',
      },
    ]);
    const slice = (name: string) => report.groups.find((group) => group.group === name);
    expect(slice('genre forum-ru')?.toxic).toMatchObject({ precision: 1, recall: 1, support: 1 });
    expect(slice('genre support-en')).toMatchObject({ empathicToToxic: 0, empathicToEmpathic: 1 });
    expect(slice('lang ru')?.cases).toBe(2);
  });
});
