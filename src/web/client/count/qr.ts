// An invite link as a QR code, for a volunteer standing next to the coordinator to scan. The SVG that qrcode
// writes is shown through an <img> (a data: URL, which the page's policy allows for images), so no markup is
// ever put into the page. The library (qrcode.js, about 30 KB) is fetched when a coordinator first makes an
// invite, which needs the network anyway, rather than by every volunteer's phone with the counter.

/** A data: URL of the QR code of `text`: dark on white whatever the page's colours, with the quiet zone. */
export async function qrImage(text: string): Promise<string> {
  const { toString: qrSvg } = await import('qrcode');
  const svg = await qrSvg(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
