import { describe, expect, it } from 'vitest';
import type { Election } from '../catalogue/election.js';
import { parseOfficial } from './official.js';
import { parseTallies } from './tallies.js';
import { parseVoteAbroad } from './voteabroad.js';

// The three results files as spreadsheets export them: a BOM, quoted fields, CRLF; and what each refuses.

const election: Election = {
  id: 'pres-2024',
  kind: 'presidential',
  title: { ru: 'Выборы', en: 'Election' },
  days: ['2024-03-17'],
  hours: { opens: '08:00', closes: '20:00' },
  answers: ['davankov', 'putin', 'invalid', 'removed', 'declined'].map((id) => ({ id, ru: id, en: id })),
  sources: [{ publisher: 'P', title: 'T', year: 2024, url: 'https://example.org' }],
};
const stations = new Set(['8267', '8030']);

describe('parseOfficial', () => {
  it('reads a file with a BOM, quotes and CRLF, columns in any order', () => {
    const file = '\uFEFFstation,ballots,putin,davankov,invalid\r\n"8267",100,"60",30,10\r\n';
    expect(parseOfficial(file, election, stations)).toEqual({
      ok: true,
      rows: [{ station: '8267', ballots: 100, votes: { putin: 60, davankov: 30, invalid: 10 } }],
    });
  });

  it('refuses more votes than ballots, a station twice, and a missing answer column', () => {
    const twice = 'station,ballots,davankov,putin,invalid\n8267,10,5,5,5\n8030,1,0,0,0\n8030,1,0,0,0\n';
    expect(parseOfficial(twice, election, stations)).toEqual({
      ok: false,
      problems: [
        { line: 2, column: 'ballots', message: '10 ballots, but the votes add up to 15' },
        { line: 4, column: 'station', message: '8030 is already on line 3' },
      ],
    });
    const missing = parseOfficial('station,ballots,davankov,invalid\n8267,1,1,0\n', election, stations);
    expect(missing.ok ? [] : missing.problems[0]?.message).toContain('the column putin is missing');
  });
});

describe('parseTallies', () => {
  it('keeps a hash of the label, never the label, and the main door by default', () => {
    const file =
      'station,door,volunteer,from,to,count\n8267,,"Петрова, Анна",2024-03-17T23:00+01:00,2024-03-18T01:00+01:00,12\n';
    const pseudonym = (id: string, label: string) => `${id}/${label.length}`;
    const parsed = parseTallies(file, election, stations, pseudonym);
    expect(parsed).toEqual({
      ok: true,
      stations: ['8267'],
      tallies: [
        {
          station: '8267',
          door: 'main',
          volunteer: `tally:pres-2024/${'Петрова, Анна'.length}`,
          from: Date.parse('2024-03-17T22:00Z'),
          to: Date.parse('2024-03-18T00:00Z'),
          count: 12,
        },
      ],
    });
    expect(JSON.stringify(parsed)).not.toContain('Анна');
  });
});

describe('parseVoteAbroad', () => {
  const header =
    'voting_station,country,city,data_source,volunteer,timestamp,gender,age,abroad,eta,trust,candidate,candidate_is_na,candidate_is_davankov,candidate_is_putin,candidate_is_slutsky,candidate_is_kharitonov,candidate_is_ballot_invalidated,candidate_is_ballot_removed';

  it('counts respondents per station, bucket and answer, keeping gender and age', () => {
    const rows = [
      '8267,RS,Belgrade,paper,V1,2024-03-17T09:01:00Z,female,34,,,,1,0,1,0,0,0,0,0',
      '8267,RS,Belgrade,paper,V2,2024-03-17 09:14:59,female,34,,,,1,0,1,0,0,0,0,0',
      '8267,RS,Belgrade,paper,V2,2024-03-17 09:15:00,,,,,,NA,1,0,0,0,0,0,0',
    ];
    expect(parseVoteAbroad([header, ...rows].join('\n'), election, stations)).toEqual({
      ok: true,
      stations: ['8267'],
      respondents: 3,
      answers: [
        {
          station: '8267',
          bucket: Date.parse('2024-03-17T09:00Z'),
          answer: 'davankov',
          gender: 'female',
          age: 34,
          respondents: 2,
        },
        {
          station: '8267',
          bucket: Date.parse('2024-03-17T09:15Z'),
          answer: 'declined',
          gender: '',
          age: -1,
          respondents: 1,
        },
      ],
    });
  });

  it('refuses a candidate the election does not have, and a file that is not theirs', () => {
    const slutsky = parseVoteAbroad(
      `${header}\n8267,RS,B,p,V,2024-03-17 09:00,,,,,,3,0,0,0,1,0,0,0\n`,
      election,
      stations,
    );
    expect(slutsky).toEqual({
      ok: false,
      problems: [{ line: 2, column: 'candidate', message: 'slutsky is not an answer of pres-2024' }],
    });
    const other = parseVoteAbroad('station,answer\n8267,putin\n', election, stations);
    expect(other.ok ? '' : other.problems[0]?.message).toContain("not Vote Abroad's format");
  });
});
