import { create as createQr } from 'qrcode';
import { escapeXml } from './card.js';
import { groupedCode } from './codes.js';
import type { FormLink } from './forms.js';

// The printed side of self-filled forms: A4 pages of cards, each with the QR code of its form's link, the code
// itself for typing, a one-line invitation in Russian and English, and the station, with dashed lines to cut
// along. Sizes are millimetres (the viewBox), so that the page prints at its real size.

const PAGE = { width: 210, height: 297 };
/** Wide enough for home printers' unprintable edges. */
const MARGIN = 10;
export const CARD_COLUMNS = 3;
export const CARD_ROWS = 4;
export const CARDS_PER_PAGE = CARD_COLUMNS * CARD_ROWS;
const CARD = {
  width: (PAGE.width - 2 * MARGIN) / CARD_COLUMNS,
  height: (PAGE.height - 2 * MARGIN) / CARD_ROWS,
};
/** The QR code with its quiet zone: about a millimetre a module, which any phone's camera reads at arm's length. */
const QR_SIZE = 40;
const QR_QUIET_MODULES = 4;
const INK = '#000000';
const FONT = "'PT Sans', Arial, Helvetica, sans-serif";
const MONO = "'DejaVu Sans Mono', Menlo, Consolas, monospace";

export interface FormSheetInput {
  station: string;
  cards: readonly FormLink[];
}

const mm = (value: number) => Math.round(value * 100) / 100;

function text(x: number, y: number, size: number, content: string, extra = ''): string {
  return `<text x="${mm(x)}" y="${mm(y)}" font-size="${size}" text-anchor="middle"${extra}>${escapeXml(content)}</text>`;
}

/** The dark modules as one path of unit-high runs, scaled to `QR_SIZE` with the quiet zone around them. */
function qrCode(url: string, x: number, y: number): string {
  const { modules } = createQr(url, { errorCorrectionLevel: 'M' });
  const cells = modules.size + 2 * QR_QUIET_MODULES;
  const scale = QR_SIZE / cells;
  let path = '';
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col) || (col > 0 && modules.get(row, col - 1))) continue;
      let run = 1;
      while (col + run < modules.size && modules.get(row, col + run)) run++;
      path += `M${col + QR_QUIET_MODULES} ${row + QR_QUIET_MODULES}h${run}v1h-${run}z`;
    }
  return (
    `<g transform="translate(${mm(x)} ${mm(y)}) scale(${scale})">` +
    `<rect width="${cells}" height="${cells}" fill="#ffffff"/>` +
    `<path d="${path}" fill="${INK}" shape-rendering="crispEdges"/></g>`
  );
}

function card(link: FormLink, station: string, column: number, row: number): string {
  const left = MARGIN + column * CARD.width;
  const top = MARGIN + row * CARD.height;
  const middle = left + CARD.width / 2;
  return [
    `<g class="card" data-code="${escapeXml(link.code)}">`,
    text(middle, top + 7, 3.6, 'Анонимный опрос на выходе', ' font-weight="700"'),
    text(middle, top + 11.5, 3.2, 'Anonymous exit poll'),
    qrCode(link.url, middle - QR_SIZE / 2, top + 13.5),
    text(middle, top + 58, 3.6, groupedCode(link.code), ` font-family="${MONO}" font-weight="700"`),
    text(middle, top + 63.5, 3, `Участок ${station} · Station ${station}`),
    '</g>',
  ].join('');
}

/** Dashed lines along every edge between cards and around them, from margin to margin. */
function cutLines(rows: number): string {
  const style = 'stroke="#777777" stroke-width="0.25" stroke-dasharray="2 1.5" fill="none"';
  const bottom = MARGIN + rows * CARD.height;
  const lines: string[] = [];
  for (let column = 0; column <= CARD_COLUMNS; column++) {
    const x = mm(MARGIN + column * CARD.width);
    lines.push(`<line class="cut" x1="${x}" y1="${MARGIN}" x2="${x}" y2="${mm(bottom)}" ${style}/>`);
  }
  for (let row = 0; row <= rows; row++) {
    const y = mm(MARGIN + row * CARD.height);
    lines.push(`<line class="cut" x1="${MARGIN}" y1="${y}" x2="${PAGE.width - MARGIN}" y2="${y}" ${style}/>`);
  }
  return lines.join('');
}

/** One SVG document per A4 page, `CARDS_PER_PAGE` cards to a page, the last page holding the rest. */
export function formSheets(input: FormSheetInput): string[] {
  const pages: string[] = [];
  const count = Math.ceil(input.cards.length / CARDS_PER_PAGE);
  for (let page = 0; page < count; page++) {
    const cards = input.cards.slice(page * CARDS_PER_PAGE, (page + 1) * CARDS_PER_PAGE);
    const rows = Math.ceil(cards.length / CARD_COLUMNS);
    const header = `Участок ${input.station}: разрежьте по пунктиру · Station ${input.station}: cut along the dashed lines · ${page + 1}/${count}`;
    pages.push(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.width}mm" height="${PAGE.height}mm" viewBox="0 0 ${PAGE.width} ${PAGE.height}" font-family="${FONT}" fill="${INK}">`,
        `<rect width="${PAGE.width}" height="${PAGE.height}" fill="#ffffff"/>`,
        text(PAGE.width / 2, MARGIN - 3.5, 2.6, header, ' fill="#555555"'),
        ...cards.map((link, i) => card(link, input.station, i % CARD_COLUMNS, Math.floor(i / CARD_COLUMNS))),
        cutLines(rows),
        '</svg>',
        '',
      ].join('\n'),
    );
  }
  return pages;
}
