import { guide } from './guide/guide.js';
import type { Part } from './part.js';
import { talk } from './talk/talk.js';

/** The parts the engine routes to. The first also takes text typed at the menu (talk: advice). */
export const PARTS: readonly Part[] = [talk, guide];
