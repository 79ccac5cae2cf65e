import { describe, expect, it } from 'vitest';
import type { Counted } from './counted.js';
import { stationFlags } from './flags.js';
import { exitPollFigures } from './wilson.js';

const answers = ['davankov', 'putin', 'invalid', 'removed', 'declined'];
const uncounted: Counted = { value: null, coverage: null, estimate: null };
// 100 respondents: putin 10 (low = Wilson(10, 100).low = 0.0552), high = Wilson(10 + 10, 100).high = 0.2888
const poll = exitPollFigures(answers, { davankov: 80, putin: 10, declined: 10 });
const flags = (official: { ballots: number; votes: Record<string, number> } | null, counted = uncounted) =>
  stationFlags({ counted, disagreements: [], exitPoll: poll, official });

describe('flags', () => {
  it('flags an official share outside the poll bounds', () => {
    // putin 450 / 1000 = 0.45 > 0.2888; davankov 800 / 1000 = 0.8 inside [Wilson(80, 100).low = 0.711, 1]
    expect(flags({ ballots: 1000, votes: { davankov: 800, putin: 450, invalid: 10 } })).toEqual([
      { kind: 'outside-survey', answer: 'putin' },
    ]);
    // putin 0.2 inside [0.0552, 0.2888]; 0.05 below it
    expect(flags({ ballots: 1000, votes: { davankov: 800, putin: 200, invalid: 10 } })).toEqual([]);
    expect(flags({ ballots: 1000, votes: { davankov: 800, putin: 50, invalid: 10 } })).toEqual([
      { kind: 'outside-survey', answer: 'putin' },
    ]);
  });

  it('flags more respondents for an answer than its official votes, by more than max(5, 5%)', () => {
    // davankov said by 80; 80 − 70 = 10 > max(5, 4) flags; 80 − 75 = 5 does not
    const official = (davankov: number) => ({ ballots: 100, votes: { davankov, putin: 20, invalid: 0 } });
    expect(flags(official(70))).toContainEqual({ kind: 'contradiction', answer: 'davankov' });
    expect(flags(official(75))).not.toContainEqual({ kind: 'contradiction', answer: 'davankov' });
  });

  it('flags more ballots than a full count allows, and volunteers who disagree', () => {
    // value 100: 1.1 · 100 + 10 = 120 ballots at most
    const full: Counted = { value: 100, coverage: 1, estimate: 100 };
    const kinds = (ballots: number, counted: Counted) =>
      stationFlags({ counted, disagreements: [], exitPoll: null, official: { ballots, votes: {} } });
    expect(kinds(121, full)).toEqual([{ kind: 'more-ballots-than-counted' }]);
    expect(kinds(120, full)).toEqual([]);
    expect(kinds(500, { value: 90, coverage: 0.9, estimate: 100 })).toEqual([]);
    expect(
      stationFlags({ counted: full, disagreements: [{}], exitPoll: null, official: null }).map((f) => f.kind),
    ).toEqual(['counts-disagree']);
  });

  it('compares nothing without an official row, ballots or respondents', () => {
    expect(flags(null)).toEqual([]);
    const nobody = exitPollFigures(answers, {});
    const official = { ballots: 0, votes: { davankov: 0, putin: 0, invalid: 0 } };
    expect(stationFlags({ counted: uncounted, disagreements: [], exitPoll: nobody, official })).toEqual([]);
    expect(flags({ ballots: 0, votes: { davankov: 0, putin: 0 } })).toEqual([
      { kind: 'contradiction', answer: 'davankov' },
      { kind: 'contradiction', answer: 'putin' },
    ]);
  });
});
