import { describe, expect, it } from 'vitest';
import { splitText, TELEGRAM_TEXT_LIMIT } from './split-text.js';

const paragraph = (n: number, length: number) => `${n}:${'а'.repeat(length - String(n).length - 1)}`;

describe('splitText', () => {
  it('leaves a text within the limit alone, even exactly at it', () => {
    expect(splitText('Привет')).toEqual(['Привет']);
    const full = 'x'.repeat(TELEGRAM_TEXT_LIMIT);
    expect(splitText(full)).toEqual([full]);
  });

  it('cuts between paragraphs, packing as many whole paragraphs as fit', () => {
    const paragraphs = Array.from({ length: 10 }, (_, i) => paragraph(i, 1000));
    const chunks = splitText(paragraphs.join('\n\n'));
    expect(chunks).toHaveLength(3);
    expect(chunks[0]).toBe(paragraphs.slice(0, 4).join('\n\n'));
    expect(chunks.join('\n\n')).toBe(paragraphs.join('\n\n'));
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
  });

  it('cuts a paragraph that is too long between lines, then between words', () => {
    const lines = Array.from({ length: 6 }, (_, i) => paragraph(i, 900)).join('\n');
    const byLines = splitText(lines, 2000);
    expect(byLines).toEqual([
      lines.split('\n').slice(0, 2).join('\n'),
      ...[2, 4].map((i) =>
        lines
          .split('\n')
          .slice(i, i + 2)
          .join('\n'),
      ),
    ]);
    const words = Array.from({ length: 300 }, (_, i) => `слово${i}`).join(' ');
    const byWords = splitText(words, 100);
    for (const chunk of byWords) {
      expect(chunk.length).toBeLessThanOrEqual(100);
      expect(chunk).toMatch(/^слово\d+( слово\d+)*$/);
    }
    expect(byWords.join(' ')).toBe(words);
  });

  it('cuts a single overlong word, never inside an emoji', () => {
    const word = '😀'.repeat(10); // 20 code units
    const chunks = splitText(word, 5);
    expect(chunks.join('')).toBe(word);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(5);
      expect(chunk).toMatch(/^(😀)+$/u);
    }
  });

  it('drops blank pieces, since Telegram refuses empty messages', () => {
    const text = `${'a'.repeat(10)}\n\n\n\n   \n\n${'b'.repeat(10)}`;
    expect(splitText(text, 12)).toEqual(['a'.repeat(10), 'b'.repeat(10)]);
  });
});
