import { Resvg } from '@resvg/resvg-js';
import jsqr from 'jsqr';
import { describe, expect, it } from 'vitest';
import { groupedCode, newCode, normaliseCode } from './codes.js';
import { CARDS_PER_PAGE, formSheets } from './form-sheet.js';
import { formLink } from './forms.js';

// The printed cards as a voter's phone meets them: every card's QR code, rendered as a printer would and read
// back as a camera would, opens that card's own form; the code under it can be typed instead.

const BASE = 'https://count.example.org/';
const cards = (n: number) => Array.from({ length: n }, () => formLink(newCode(), BASE));

/** Every QR code on a page, read from a 150 dpi rendering cut into the cards' cells. */
function readCodes(svg: string): string[] {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: 1240 } }).render();
  const { width, height } = image;
  const pixels = image.pixels;
  const perMm = width / 210;
  const found: string[] = [];
  for (let row = 0; row < 4; row++)
    for (let column = 0; column < 3; column++) {
      const left = Math.round((10 + (column * 190) / 3) * perMm);
      const top = Math.round((10 + (row * 277) / 4) * perMm);
      const w = Math.round((190 / 3) * perMm);
      const h = Math.min(Math.round((277 / 4) * perMm), height - top);
      const cell = new Uint8ClampedArray(w * h * 4);
      for (let y = 0; y < h; y++)
        cell.set(
          pixels.subarray(((top + y) * width + left) * 4, ((top + y) * width + left + w) * 4),
          y * w * 4,
        );
      // A CommonJS bundle: its function is the default export's `default`.
      const qr = jsqr.default(cell, w, h);
      if (qr) found.push(qr.data);
    }
  return found;
}

describe('form codes', () => {
  it('are printed in groups of four and read back however they are typed', () => {
    const code = newCode();
    expect(code).toMatch(/^[a-hjkmnp-z2-9]{16}$/);
    expect(groupedCode(code)).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    expect(normaliseCode(` ${groupedCode(code).toUpperCase()} `)).toBe(code);
  });

  it('link to the form page with the code after #, so that no server log sees it', () => {
    expect(formLink('abcd', BASE)).toEqual({
      code: 'abcd',
      url: 'https://count.example.org/count/form#abcd',
    });
  });
});

describe('form sheets', () => {
  it('put twelve cards on an A4 page, the rest on the last, each QR code opening its own form', () => {
    const links = cards(14);
    const pages = formSheets({ station: '8267', cards: links });
    expect(pages).toHaveLength(2);
    expect(CARDS_PER_PAGE).toBe(12);
    for (const page of pages) {
      expect(page).toContain('width="210mm" height="297mm" viewBox="0 0 210 297"');
      expect(page).toContain('Анонимный опрос на выходе');
      expect(page).toContain('Anonymous exit poll');
      expect(page).toContain('Участок 8267 · Station 8267');
    }
    expect(pages[0]?.match(/class="card"/g)).toHaveLength(12);
    expect(pages[1]?.match(/class="card"/g)).toHaveLength(2);
    // Dashed lines around and between the cards: 4 across the columns, one more than the rows used.
    expect(pages[0]?.match(/class="cut"[^>]*stroke-dasharray/g)).toHaveLength(4 + 5);
    expect(pages[1]?.match(/class="cut"/g)).toHaveLength(4 + 2);
    for (const link of links) expect(pages.join('')).toContain(groupedCode(link.code));

    const read = pages.flatMap(readCodes);
    expect(read.sort()).toEqual(links.map((l) => l.url).sort());
  });

  it('escapes a station name that is not only digits', () => {
    const [page] = formSheets({ station: 'A&B <1>', cards: cards(1) });
    expect(page).toContain('Участок A&#38;B &#60;1&#62;');
    expect(page).not.toContain('A&B <1>');
  });
});
