import type { ComponentChildren } from 'preact';

function httpUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** A link only for http(s) URLs: a catalogue mistake must not become a javascript: link. */
export function SafeLink({ url, children }: { url: string; children: ComponentChildren }) {
  const parsed = httpUrl(url);
  if (!parsed) return <span>{children}</span>;
  return (
    <a href={parsed.href} rel="noopener noreferrer" target="_blank">
      {children}
    </a>
  );
}
