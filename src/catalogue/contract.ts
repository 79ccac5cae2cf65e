// The ids of ../shared/catalogue-spec.md. They are a contract: the matcher, the coach's evaluation, the bot and
// the web page refer to them, so the catalogue may add positions but never lose or rename one of these.

export const GROUPS = ['vote', 'regime', 'war', 'information', 'personal'] as const;
export type Group = (typeof GROUPS)[number];

export const CONTRACT_POSITIONS: Readonly<Record<Group, readonly string[]>> = {
  vote: [
    'vote-pointless',
    'vote-rigged',
    'vote-dangerous',
    'vote-no-candidate',
    'vote-boycott',
    'politics-not-mine',
    'nothing-changes',
    'emigrants-no-say',
  ],
  regime: [
    'putin-stability',
    'no-alternative',
    'risen-from-knees',
    'good-tsar',
    'strong-hand',
    'opposition-foreign-agents',
    'navalny-project',
    'economy-fine',
    'wages-rose',
  ],
  war: [
    'nato-threat',
    'protect-donbas',
    'denazification',
    'west-started',
    'not-clear-cut',
    'one-people',
    'biolabs',
    'crimes-staged',
    'support-troops',
    'cant-lose-now',
    'preemptive-strike',
    'whataboutism',
    'russophobia',
    'crimea-ours',
    'ukraine-refuses-peace',
    'duty-to-serve',
  ],
  information: ['everyone-lies', 'western-brainwashed', 'tv-says'],
  personal: ['traitor-left', 'no-politics-family', 'just-want-peace', 'could-be-worse'],
};

export const CONTRACT_PERSONAS: Readonly<Record<string, readonly string[]>> = {
  mother: ['tv-says', 'not-clear-cut', 'nato-threat', 'support-troops', 'no-politics-family', 'traitor-left'],
  brother: ['vote-pointless', 'vote-rigged', 'vote-dangerous', 'politics-not-mine', 'nothing-changes'],
  uncle: [
    'nato-threat',
    'protect-donbas',
    'west-started',
    'crimea-ours',
    'opposition-foreign-agents',
    'duty-to-serve',
  ],
  grandmother: ['putin-stability', 'strong-hand', 'no-alternative', 'good-tsar', 'could-be-worse'],
  colleague: ['everyone-lies', 'whataboutism', 'economy-fine', 'nothing-changes', 'western-brainwashed'],
  friend: ['emigrants-no-say', 'traitor-left', 'russophobia', 'cant-lose-now', 'wages-rose'],
};
