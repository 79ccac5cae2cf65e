import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.js';

// The wizard in the terminal, through the built bin: the same questions and checklist as the bot and the page.

describe('sobesednik guide wizard', { timeout: 60_000 }, () => {
  it('asks one question a line, takes a typed city, and ends on the checklist', async () => {
    const run = await runCli(['guide', 'wizard', '--lang', 'en'], { input: '1\nbeograd\n1\n1\n1\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(1/6) Are you a Russian citizen');
    expect(run.stdout).toContain('Which Russian passport do you have?');
    expect(run.stdout).toContain('You can vote.');
    expect(run.stdout).toContain('No. 8267 — Belgrade');
    expect(run.stdout).toContain('(topic: sobesednik guide topic documents)');
  });

  it('gives the checklist as JSON from every answer at once', async () => {
    const run = await runCli([
      'guide',
      'wizard',
      '--answers',
      'citizen=yes,country=RS,passport=foreign,valid=expired,applied=no',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const screen = JSON.parse(run.stdout);
    expect(screen).toMatchObject({ kind: 'checklist', verdict: 'cannot' });
    expect(screen.stations.map((s: { station: string }) => s.station)).toEqual(['8267']);
  });

  it('refuses an answer the question does not offer, and an unknown question, in one line', async () => {
    const wrong = await runCli(['guide', 'wizard', '--answers', 'citizen=yes,country=XX', '--json']);
    expect(wrong.code).not.toBe(0);
    expect(JSON.parse(wrong.stdout).error).toMatch(/'XX' is not an answer to country/);
    const unknown = await runCli(['guide', 'wizard', '--answers', 'age=40']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown question 'age'/);
    expect(unknown.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
