import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../test-support/cli.js';

describe('sobesednik chat --json', () => {
  it('plays a scripted practice: feedback on each reply, try again, and a summary', async () => {
    const input = [
      'Мам, я слышу, как тебе за меня тревожно. Что тебя больше всего пугает?',
      '/again',
      'ну ты и зомби',
      '#1',
      '/stop',
    ].join('\n');
    const result = await runCli(
      ['chat', '--persona', 'mother', '--position', 'tv-says', '--seed', '3', '--json'],
      {
        input,
      },
    );
    expect(result.code).toBe(0);
    const events = jsonLines(result.stdout);
    expect(events[1]?.state).toMatchObject({
      mode: 'practice',
      persona: 'mother',
      position: 'tv-says',
      turn: 0,
    });
    const feedback = events.filter((event) => event.feedback !== null).map((event) => event.feedback.verdict);
    expect(feedback).toEqual(['empathic', 'toxic']);
    const warm = events.find((event) => event.feedback?.verdict === 'empathic');
    const afterAgain = events.find((event) => String(event.text).startsWith('Ход отменён'));
    expect(warm?.state.openness).toBeGreaterThan(afterAgain?.state.openness);
    expect(afterAgain?.state.turn).toBe(0);
    expect(events.at(-1)?.text).toContain('Ходов:');
    expect(events.at(-1)?.state.mode).toBe('menu');
  });

  it('refuses an unknown persona with a JSON error', async () => {
    const result = await runCli(['chat', '--persona', 'nobody', '--json']);
    expect(result.code).toBe(1);
    expect(jsonLines(result.stdout)).toEqual([{ error: "no persona 'nobody' (see: sobesednik personas)" }]);
  });

  it('answers a line it cannot use with an error in place, and goes on', async () => {
    const result = await runCli(['chat', '--lang', 'en', '--json'], { input: '/nosuch\n#9\nhello there\n' });
    const events = jsonLines(result.stdout);
    expect(events).toContainEqual({ error: 'unknown command /nosuch (see /help)' });
    expect(events).toContainEqual({ error: 'there is no button 9' });
    expect(events.at(-1)?.state.mode).toBe('advise');
  });
});
