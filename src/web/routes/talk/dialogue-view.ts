import type { Lang } from '../../../catalogue/schema.js';
import { MARKER_LABELS } from '../../../coach/tips.js';
import type { Reply } from '../../../dialogue/conversations.js';
import type { Message } from '../../../dialogue/messages.js';
import type { DialogueState } from '../../../dialogue/state.js';

// What the API shows of a step: the messages as the engine wrote them (feedback markers get their labels in
// the conversation's language), and the few numbers a page needs from the state. The rest of the state (the
// random generator, practice history) stays on the server.

export interface StateView {
  mode: DialogueState['mode'];
  lang: Lang;
  persona: string | null;
  position: string | null;
  openness: number | null;
  turn: number | null;
  maxTurns: number | null;
  /** Openness before the first reply and after each one, for a live sparkline. */
  trail: number[];
}

export function stateView(state: DialogueState): StateView {
  const practice = state.practice;
  return {
    mode: state.mode,
    lang: state.lang,
    persona: practice?.persona ?? null,
    position: practice?.position ?? null,
    openness: practice?.openness ?? null,
    turn: practice?.turn ?? null,
    maxTurns: practice?.maxTurns ?? null,
    trail: practice?.opennessTrail ?? [],
  };
}

function messageView(message: Message, lang: Lang) {
  if (!message.feedback) return message;
  const labels = MARKER_LABELS[lang];
  return {
    ...message,
    feedback: { ...message.feedback, labels: message.feedback.markers.map((kind) => labels[kind]) },
  };
}

/**
 * A finished practice's openness, exactly: the summary's text draws it in block glyphs, which a page draws
 * better as a line. Only a practice with a reply has a summary to store, hence none after zero turns.
 */
function finishedView(reply: Reply) {
  for (const effect of reply.effects)
    if (effect.kind === 'practice-finished')
      return { outcome: effect.summary.outcome, openness: effect.summary.openness };
  return undefined;
}

export function replyView(reply: Reply) {
  return {
    messages: reply.messages.map((message) => messageView(message, reply.state.lang)),
    state: stateView(reply.state),
    finished: finishedView(reply),
  };
}
