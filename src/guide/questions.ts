import type { Catalogue } from '../catalogue/load.js';
import type { Lang } from '../catalogue/schema.js';
import { type MatcherOptions, OFF_TOPIC, type TrainingExample, trainMatcher } from '../matcher/matcher.js';

// The guide's question matcher: the talk matcher's machinery trained on the guide's phrasings. What a relative
// says about elections ("voting is pointless") is talk's, not a practical question: the positions' phrasings
// join the off-topic examples, so that such a text gets no topic here and the front door can send it to talk.

export interface TopicScore {
  id: string;
  score: number;
}

export interface QuestionMatch {
  lang: Lang;
  /** At most three, best first; none when the text is not a practical question about voting. */
  topics: TopicScore[];
}

export interface QuestionMatcher {
  ask(text: string): QuestionMatch;
}

/** Each topic's title and questions in both languages, and everything that is not a question about voting. */
export function questionExamples(catalogue: Catalogue): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const topic of catalogue.guide)
    for (const lang of ['ru', 'en'] as const)
      for (const text of [topic[lang].title, ...topic[lang].questions])
        examples.push({ label: topic.id, text, lang });
  for (const lang of ['ru', 'en'] as const) {
    for (const text of catalogue.offTopic[lang]) examples.push({ label: OFF_TOPIC, text, lang });
    for (const position of catalogue.positions)
      for (const text of position[lang].examples) examples.push({ label: OFF_TOPIC, text, lang });
  }
  return examples;
}

/** Learns from the catalogue at start-up, like the talk matcher: no weights on disk. */
export function createQuestionMatcher(
  catalogue: Catalogue,
  options: Partial<MatcherOptions> = {},
): QuestionMatcher {
  const matcher = trainMatcher(questionExamples(catalogue), options);
  return {
    ask(text) {
      const { lang, positions } = matcher.match(text);
      return { lang, topics: positions };
    },
  };
}
