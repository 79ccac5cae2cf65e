import { useState } from 'preact/hooks';
import { lang } from '../i18n.js';
import { SafeLink } from '../safe-link.js';
import { qrImage } from './qr.js';
import type { Invite, InviteResult } from './server.js';
import { COUNT_TEXTS } from './texts.js';

// A coordinator's way to bring a volunteer in on the spot: a single-use invite to their own station, as a link
// and a QR code to scan from this screen. Made on the server, so only online; the link is kept in this screen's
// memory only, never on the phone's disk: it is someone else's way in.

type State =
  | { kind: 'idle' }
  | { kind: 'making' }
  | { kind: 'made'; invite: Invite; qr: string | null }
  | { kind: 'failed'; reason: Extract<InviteResult, { ok: false }>['reason'] };

const until = (iso: string) =>
  new Intl.DateTimeFormat(lang(), {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

export function InviteCard({
  station,
  online,
  make,
}: {
  station: string;
  online: boolean;
  make: () => Promise<InviteResult>;
}) {
  const w = COUNT_TEXTS[lang()];
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [copied, setCopied] = useState(false);

  const create = async () => {
    setState({ kind: 'making' });
    setCopied(false);
    const result = await make();
    if (!result.ok) return setState({ kind: 'failed', reason: result.reason });
    // Without the picture the link still works, so a failure to draw it is no failure of the invite.
    const qr = await qrImage(result.invite.web).catch(() => null);
    setState({ kind: 'made', invite: result.invite, qr });
  };
  const copy = (link: string) =>
    navigator.clipboard
      ?.writeText(link)
      .then(() => setCopied(true))
      .catch(() => {});
  const canShare = typeof navigator.share === 'function';

  const failure =
    state.kind !== 'failed'
      ? null
      : { refused: w.inviteRefused, busy: w.inviteBusy, failed: w.inviteFailed, offline: w.inviteNoNetwork }[
          state.reason
        ];
  return (
    <section id="invite" class="count-card invite" aria-labelledby="invite-heading">
      <h2 id="invite-heading" class="card-heading">
        {w.invite}
      </h2>
      {state.kind === 'made' ? (
        <div class="invite-made">
          {state.qr && <img class="invite-qr" src={state.qr} alt={w.inviteQr} width={240} height={240} />}
          <p class="hint">{w.inviteShow}</p>
          <p class="invite-link">
            <span class="visually-hidden">{w.inviteLink}: </span>
            <code id="invite-link">{state.invite.web}</code>
          </p>
          <div class="invite-actions">
            <button type="button" onClick={() => copy(state.invite.web)}>
              {copied ? w.inviteCopied : w.inviteCopy}
            </button>
            {canShare && (
              <button
                type="button"
                class="quiet"
                onClick={() => void navigator.share({ url: state.invite.web }).catch(() => {})}
              >
                {w.inviteShare}
              </button>
            )}
          </div>
          {state.invite.telegram && (
            <p class="hint">
              <SafeLink url={state.invite.telegram}>{w.inviteTelegram}</SafeLink>
            </p>
          )}
          <p class="hint">{w.inviteUntil(until(state.invite.expiresAt))}</p>
        </div>
      ) : (
        <p class="hint">{w.inviteHint(station)}</p>
      )}
      {failure && (
        <p class="hint warning" role="alert">
          {failure}
        </p>
      )}
      {!online && <p class="hint warning">{w.inviteOffline}</p>}
      <button
        type="button"
        id="invite-make"
        class={state.kind === 'made' ? 'quiet' : ''}
        disabled={!online || state.kind === 'making'}
        onClick={() => void create()}
      >
        {state.kind === 'making' ? w.inviteMaking : state.kind === 'made' ? w.inviteAnother : w.inviteMake}
      </button>
    </section>
  );
}
