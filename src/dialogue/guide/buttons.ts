import { buttonOf } from '../buttons.js';

// A wizard answer carries its question, so a button from an earlier question is recognised as stale.

export const GUIDE = 'guide';

export const guideButtons = {
  home: buttonOf(GUIDE, 'home'),
  topics: buttonOf(GUIDE, 'topics'),
  topic: (id: string) => buttonOf(GUIDE, 'topic', id),
  find: buttonOf(GUIDE, 'find'),
  wizard: buttonOf(GUIDE, 'wizard'),
  answer: (question: string, option: number) => buttonOf(GUIDE, 'answer', question, option),
  back: buttonOf(GUIDE, 'back'),
  remind: (station: string) => buttonOf(GUIDE, 'remind', station),
  remindOff: buttonOf(GUIDE, 'remind-off'),
};
