import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import { createMatcher } from '../matcher/matcher.js';
import { createCoach } from './coach.js';
import { insultNames, namedInsult } from './insult-lexicon.js';

// The English names from WordNet: many more than any list of ours, and said to someone they insult; their
// everyday senses, and a name denied or asked about, stay clean.

const catalogue = loadCatalogue();
const rules = createCoach(catalogue, createMatcher(catalogue), { tone: null });

describe('the names from WordNet', () => {
  it('holds names for a stupid, unpleasant or cowardly person, and not the words whose first sense is another', () => {
    const names = insultNames();
    for (const name of ['nincompoop', 'numskull', 'lout', 'milksop', 'windbag', 'stooge', 'pain in the neck'])
      expect(names.has(name), name).toBe(true);
    for (const word of ['halfback', 'queen', 'nobody', 'hot dog', 'critic', 'bore'])
      expect(names.has(word), word).toBe(false);
    expect(names.size).toBeGreaterThan(400);
  });

  it('finds a name said to someone, and not the same word doing other work', () => {
    const said = (text: string) => namedInsult(text)?.text;
    expect(said('you absolute nincompoop!')).toBe('nincompoop');
    expect(said("you're such a windbag")).toBe('windbag');
    expect(said('get lost, numskull')).toBe('numskull');
    expect(said('how are you this much of a simpleton at sixty?')).toBe('simpleton');
    expect(said('you fool them all')).toBeUndefined();
    expect(said('the lout in the film was played by my cousin')).toBeUndefined();
  });

  it('makes a reply that calls the relative such a name toxic, and one that denies it not', () => {
    expect(rules.judge('honestly, mum, you gullible ninny').verdict).toBe('toxic');
    expect(rules.judge('what a turncoat you turned out to be').verdict).toBe('toxic');
    expect(rules.judge("you're not a simpleton for believing it, it's everywhere").verdict).not.toBe('toxic');
  });
});
