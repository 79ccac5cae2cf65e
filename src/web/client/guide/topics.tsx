import { writtenDay } from '../../../guide/topics.js';
import { lang } from '../i18n.js';
import { SafeLink } from '../safe-link.js';
import { gt } from './texts.js';
import type { TopicReply } from './types.js';

// The guide's topics as sections that open and close: the short answer on top, then the details, then every
// fact with its source (publisher, title, year, link) and the day it was last checked.

/** A title in the page language's quotation marks. */
const quoted = (title: string) => (lang() === 'ru' ? `«${title}»` : `“${title}”`);

export function Topics(props: { topics: readonly TopicReply[]; open: ReadonlySet<string> }) {
  const t = gt();
  return (
    <div class="topics">
      {props.topics.map((topic) => (
        <details key={topic.id} id={`topic-${topic.id}`} class="topic" open={props.open.has(topic.id)}>
          <summary>{topic.title}</summary>
          <p class="topic-short">{topic.short}</p>
          {topic.details
            .trim()
            .split(/\n\s*\n/)
            .map((paragraph, index) => (
              <p key={index} class="topic-details">
                {paragraph}
              </p>
            ))}
          {topic.election && (
            <p class="topic-election">
              <strong>{t.inElection}:</strong> {topic.election.note}
            </p>
          )}
          {topic.facts.length > 0 && (
            <>
              <h4>{t.sources}</h4>
              <ul class="facts">
                {topic.facts.map((fact) => (
                  <li key={fact.claim}>
                    <p>{fact.claim}</p>
                    {fact.note && <p class="hint">{fact.note}</p>}
                    <p class="source">
                      {fact.source.publisher}, {quoted(fact.source.title)}, {fact.source.year}:{' '}
                      <SafeLink url={fact.source.url}>{fact.source.url}</SafeLink>{' '}
                      <span class="checked">({t.checked(writtenDay(fact.checked, lang()))})</span>
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </details>
      ))}
    </div>
  );
}
