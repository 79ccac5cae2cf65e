import { describe, expect, it } from 'vitest';
import { GUIDE_TOPICS } from '../../catalogue/guide.js';
import { jsonLines, runCli } from '../../test-support/cli.js';

// Through the built bin, as a voter or a volunteer answering questions in a chat would use it.

describe('sobesednik guide', { timeout: 60_000 }, () => {
  it('lists the topics in the spec order, and shows one with its sources for one election', async () => {
    const list = await runCli(['guide', 'topics', '--lang', 'en', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((t: { id: string }) => t.id)).toEqual([...GUIDE_TOPICS]);

    const json = await runCli([
      'guide',
      'topic',
      'documents',
      '--lang',
      'en',
      '--election',
      'pres-2024',
      '--json',
    ]);
    expect(json.code).toBe(0);
    const view = JSON.parse(json.stdout);
    expect(view).toMatchObject({ id: 'documents', title: expect.any(String), short: expect.any(String) });
    expect(view.facts.length).toBeGreaterThan(0);
    for (const fact of view.facts) expect(fact.source.url).toMatch(/^https:\/\//);

    const text = await runCli(['guide', 'topic', 'voting-days']);
    expect(text.stdout).toContain('Факты и источники:');
    expect(text.stdout).toMatch(/проверено \d{4}-\d{2}-\d{2}/);
  });

  it('finds the topic of a practical question, and none in what a relative says about elections', async () => {
    const lines = [
      'с просроченным загранпаспортом пустят на участок?',
      'nado li registrirovatsya zaranee chtoby progolosovat v belgrade',
      'голосовать бесполезно, всё решено без нас',
    ];
    const result = await runCli(['guide', 'ask', '--jsonl'], {
      input: `${lines.map((text) => JSON.stringify({ text })).join('\n')}\n{"text": 5}\n`,
    });
    const [passport, register, relative, bad] = jsonLines(result.stdout);
    expect(passport).toMatchObject({ lang: 'ru', topics: [{ id: 'documents' }] });
    expect(register.topics[0]).toMatchObject({ id: 'register-ahead' });
    expect(relative).toEqual({ lang: 'ru', topics: [] });
    expect(bad).toEqual({ error: 'line 4: "text" must be a string' });
  });

  it('names an unknown topic or election rather than failing', async () => {
    const topic = await runCli(['guide', 'topic', 'passports', '--json']);
    expect(topic.code).toBe(1);
    expect(JSON.parse(topic.stdout).error).toBe("unknown topic 'passports' (see: sobesednik guide topics)");
    const election = await runCli(['guide', 'topic', 'ballot', '--election', 'pres-2030']);
    expect(election.code).toBe(1);
    expect(election.stderr).toMatch(/unknown election 'pres-2030' \(known: .*pres-2024/);
  });
});
