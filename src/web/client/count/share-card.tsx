import { useState } from 'preact/hooks';

// A share card sent from the page: where the browser can share files (phones, mostly), the PNG itself goes to the
// messenger the user picks; elsewhere a link downloads it, to be sent from there.

function canShareFiles(): boolean {
  if (typeof navigator.canShare !== 'function') return false;
  try {
    return navigator.canShare({ files: [new File([], 'card.png', { type: 'image/png' })] });
  } catch {
    return false;
  }
}

export function ShareCard({
  url,
  filename,
  shareLabel,
  downloadLabel,
}: {
  url: string;
  filename: string;
  shareLabel: string;
  downloadLabel: string;
}) {
  const [sharing] = useState(canShareFiles);
  const [busy, setBusy] = useState(false);
  if (!sharing)
    return (
      <a class="share-card" href={url} download={filename}>
        {downloadLabel}
      </a>
    );
  const share = async () => {
    setBusy(true);
    try {
      const response = await fetch(url, { credentials: 'omit' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const file = new File([await response.blob()], filename, { type: 'image/png' });
      await navigator.share({ files: [file] });
    } catch (error) {
      // Closing the share sheet is a choice, not a failure; anything else falls back to the card itself.
      if (!(error instanceof DOMException && error.name === 'AbortError')) location.assign(url);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="share-card quiet" disabled={busy} onClick={share}>
      {shareLabel}
    </button>
  );
}
