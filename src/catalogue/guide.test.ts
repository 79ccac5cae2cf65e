import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { GUIDE_TOPICS, MIN_GUIDE_QUESTIONS } from './guide.js';
import { DEFAULT_CONTENT_DIR, formatProblem, loadCatalogue, readCatalogue } from './load.js';

// The guide's topics as shipped, and what `content check` says of a topic a contributor broke.

describe('the shipped guide', () => {
  const { guide, elections } = loadCatalogue();

  it('holds every topic of the guide spec, in its order', () => {
    expect(guide.map((topic) => topic.id).slice(0, GUIDE_TOPICS.length)).toEqual([...GUIDE_TOPICS]);
  });

  it('answers each topic in Russian and English, with phrasings for the question matcher', () => {
    for (const topic of guide)
      for (const lang of ['ru', 'en'] as const) {
        const { short, details, questions } = topic[lang];
        // The short answer is what to do; the details carry the rest.
        expect(short.length, `${topic.id} ${lang}`).toBeLessThan(details.length);
        expect(new Set(questions).size, `${topic.id} ${lang}`).toBeGreaterThanOrEqual(MIN_GUIDE_QUESTIONS);
      }
    // Russian text is in Cyrillic and English text is not.
    for (const topic of guide) {
      expect(topic.ru.short, topic.id).toMatch(/[а-яё]/i);
      expect(topic.en.short, topic.id).not.toMatch(/[а-яё]/i);
    }
  });

  it('sources every fact and dates its check, never in the future', () => {
    const today = new Date().toISOString().slice(0, 10);
    const known = new Set(elections.map((election) => election.id));
    for (const topic of guide) {
      for (const id of topic.elections) expect(known.has(id), `${topic.id}: ${id}`).toBe(true);
      for (const fact of topic.facts) {
        expect(fact.source.url, topic.id).toMatch(/^https:\/\//);
        expect(fact.checked <= today, `${topic.id}: checked ${fact.checked}`).toBe(true);
      }
    }
  });
});

describe('a broken guide topic', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the shipped content with one topic rewritten (or removed when `change` returns null). */
  function withTopic(id: string, change: (topic: Record<string, unknown>) => unknown): string[] {
    const dir = mkdtempSync(path.join(tmpdir(), 'sobesednik-guide-'));
    dirs.push(dir);
    cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    const file = path.join(dir, 'guide', 'topics', `${id}.yaml`);
    const topic = parse(readFileSync(file, 'utf8'));
    if (change(topic) === null) rmSync(file);
    else writeFileSync(file, stringify(topic));
    return readCatalogue(dir).problems.map(formatProblem);
  }

  it('is reported when it names an election there is no file for', () => {
    const problems = withTopic('ballot', (topic) => {
      topic.elections = ['pres-2024', 'pres-2030'];
    });
    expect(problems).toEqual([
      expect.stringMatching(/guide\/topics\/ballot\.yaml: elections\.1: unknown election id 'pres-2030'$/),
    ]);
  });

  it('is reported when a fact does not say when it was checked', () => {
    const problems = withTopic('documents', (topic) => {
      const [first] = topic.facts as Record<string, unknown>[];
      delete first?.checked;
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /guide\/topics\/documents\.yaml: facts\.0\.checked: must be the date it was checked/,
      ),
    ]);
  });

  it('is reported when one of the spec topics is missing', () => {
    expect(withTopic('safety', () => null)).toEqual([
      expect.stringMatching(/guide\/topics\/safety\.yaml: \(file\): missing: the guide spec requires it$/),
    ]);
  });
});
