import type { Flag } from '../../../count/flags.js';
import { number, percent } from './live-format.js';
import { r } from './report-texts.js';
import type { PageStation } from './report-types.js';

// Each flag in plain words: what the figures say at this station, with the figures, and what they do not prove.

interface Explained {
  title: string;
  what: string;
  notProof: string;
}

const share = (x: number) => percent(x, 1);

function explain(flag: Flag, station: PageStation, name: (answer: string) => string): Explained | null {
  const { official, exitPoll, counted } = station;
  switch (flag.kind) {
    case 'outside-survey': {
      const poll = exitPoll?.answers[flag.answer];
      const votes = official?.votes[flag.answer];
      if (!poll || !official || votes === undefined || poll.low === null || poll.high === null) return null;
      const officialShare = votes / official.ballots;
      const above = officialShare > poll.high;
      const asked = [number(exitPoll.respondents), exitPoll.respondents] as const;
      const sentence = above
        ? r('outsideAbove')(name(flag.answer), share(officialShare), share(poll.high), ...asked)
        : r('outsideBelow')(name(flag.answer), share(officialShare), share(poll.low), ...asked);
      // Only the upper bound counts the respondents who declined as this answer's.
      const declined = above ? exitPoll.declined : 0;
      const what = sentence + r('outsideDeclined')(number(declined), declined);
      return { title: r('flagTitle')[flag.kind], what, notProof: r('outsideNotProof') };
    }
    case 'contradiction': {
      const poll = exitPoll?.answers[flag.answer];
      const votes = official?.votes[flag.answer];
      if (!poll || !exitPoll || votes === undefined) return null;
      return {
        title: r('flagTitle')[flag.kind],
        what: r('contradiction')(
          name(flag.answer),
          number(poll.count),
          number(exitPoll.respondents),
          number(votes),
          votes,
          number(poll.count - votes),
        ),
        notProof: r('contradictionNotProof'),
      };
    }
    case 'more-ballots-than-counted': {
      if (!official || counted.value === null) return null;
      const people = Math.round(counted.value);
      return {
        title: r('flagTitle')[flag.kind],
        what: r('moreBallots')(
          number(official.ballots),
          official.ballots,
          number(people),
          people,
          number(official.ballots - people),
        ),
        notProof: r('moreBallotsNotProof'),
      };
    }
    case 'counts-disagree':
      return {
        title: r('flagTitle')[flag.kind],
        what: r('countsDisagree'),
        notProof: r('countsDisagreeNotProof'),
      };
  }
}

export function FlagList({ station, name }: { station: PageStation; name: (answer: string) => string }) {
  const explained = station.flags.flatMap((flag) => {
    const words = explain(flag, station, name);
    return words ? [{ flag, words }] : [];
  });
  if (explained.length === 0) return null;
  const headingId = `flags-${station.station}`;
  return (
    <section class="flags" aria-labelledby={headingId}>
      <h4 id={headingId}>{r('flagsHeading')}</h4>
      <ul>
        {explained.map(({ flag, words }) => (
          <li class="flag" data-flag={flag.kind}>
            <p class="flag-title">{words.title}</p>
            <p class="flag-what">{words.what}</p>
            <p class="flag-not">
              <strong>{r('notProof')}</strong> {words.notProof}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
