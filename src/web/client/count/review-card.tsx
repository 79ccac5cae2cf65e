import { useEffect, useState } from 'preact/hooks';
import type { FlaggedEvent, ReviewVolunteer, StationReview } from '../../../count/review.js';
import { lang } from '../i18n.js';
import type { Session } from './journal.js';
import { fetchReview, type ReviewResult, setExclusion } from './server.js';
import { COUNT_TEXTS, type CountTexts } from './texts.js';

// A coordinator's review of their station: buckets as rows, volunteers as columns (the table scrolls sideways on
// a phone), disagreements highlighted, what was kept but not counted, and excluding a volunteer from the figures
// or counting them again, each after a second press. Read from the server each time: nothing of it is kept on
// the phone, since it names other people's data.

type Failure = Extract<ReviewResult, { ok: false }>['reason'];
type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; review: StationReview }
  | { kind: 'failed'; reason: Failure };

const words = (): CountTexts => COUNT_TEXTS[lang()];

export function volunteerName(w: CountTexts, v: Pick<ReviewVolunteer, 'kind' | 'label'>): string {
  return v.kind === 'tally' ? w.tallyName(v.label) : w.volunteerName(v.label);
}

function formats(timeZone: string) {
  const clock = new Intl.DateTimeFormat(lang(), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const day = new Intl.DateTimeFormat(lang(), { timeZone, day: 'numeric', month: 'long' });
  const number = new Intl.NumberFormat(lang(), { maximumFractionDigits: 1 });
  return {
    time: (iso: string) => clock.format(new Date(iso)),
    day: (iso: string) => day.format(new Date(iso)),
    when: (iso: string) => `${day.format(new Date(iso))}, ${clock.format(new Date(iso))}`,
    number: (n: number | null | undefined) => (n === null || n === undefined ? '—' : number.format(n)),
  };
}

/** A burst of taps flagged in one minute is one line with its number, not a screenful of the same line. */
function sameMinute(flagged: readonly FlaggedEvent[], when: (iso: string) => string) {
  const lines: { event: FlaggedEvent; times: number; key: string }[] = [];
  for (const event of flagged) {
    const key = [when(event.at), event.volunteer, event.kind, event.reason, event.door].join('\n');
    const last = lines.at(-1);
    if (last?.key === key) last.times++;
    else lines.push({ event, times: 1, key });
  }
  return lines;
}

export function ReviewCard({ session, online }: { session: Session; online: boolean }) {
  const w = words();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [armed, setArmed] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [saveFailed, setSaveFailed] = useState<Failure | null>(null);

  const load = async () => {
    const result = await fetchReview(session);
    setState(
      result.ok ? { kind: 'loaded', review: result.review } : { kind: 'failed', reason: result.reason },
    );
  };
  // Loaded when the view opens and again when the network returns.
  useEffect(() => {
    if (online) void load();
  }, [session.token, online]);

  const toggle = async (volunteer: ReviewVolunteer) => {
    if (armed !== volunteer.id) return setArmed(volunteer.id);
    setArmed(null);
    setSaving(volunteer.id);
    const result = await setExclusion(session, volunteer.id, !volunteer.excluded);
    setSaveFailed(result.ok ? null : result.reason);
    await load();
    setSaving(null);
  };

  const failure = (reason: Failure) =>
    ({ refused: w.reviewRefused, busy: w.inviteBusy, failed: w.reviewFailed, offline: w.reviewFailed })[
      reason
    ];

  return (
    <section id="review" class="count-card review" aria-labelledby="review-heading">
      <h2 id="review-heading" class="card-heading">
        {w.reviewHeading}
      </h2>
      <p class="hint">{w.reviewHint}</p>
      {!online && <p class="hint warning">{w.reviewOffline}</p>}
      {state.kind === 'loading' && online && <p>{w.reviewLoading}</p>}
      {state.kind === 'failed' && (
        <p class="warning" role="alert">
          {failure(state.reason)}
        </p>
      )}
      {state.kind === 'loaded' && (
        <ReviewBody
          review={state.review}
          armed={armed}
          saving={saving}
          online={online}
          toggle={(v) => void toggle(v)}
        />
      )}
      {saveFailed && (
        <p class="warning" role="alert">
          {failure(saveFailed)}
        </p>
      )}
      <button type="button" id="review-refresh" class="quiet" disabled={!online} onClick={() => void load()}>
        {w.reviewRefresh}
      </button>
    </section>
  );
}

function ReviewBody({
  review,
  armed,
  saving,
  online,
  toggle,
}: {
  review: StationReview;
  armed: string | null;
  saving: string | null;
  online: boolean;
  toggle: (volunteer: ReviewVolunteer) => void;
}) {
  const w = words();
  const f = formats(review.timezone);
  const { volunteers, buckets } = review;
  if (volunteers.length === 0) return <p>{w.reviewEmpty}</p>;
  const manyDoors = new Set(buckets.map((b) => b.door)).size > 1;
  const columns = volunteers.length + (manyDoors ? 3 : 2);
  const short = (v: ReviewVolunteer) => (v.kind === 'tally' ? w.tallyShort(v.label) : v.label);
  const labelOf = new Map(volunteers.map((v) => [v.id, v]));
  const nameOf = (id: string, fallback: string) => {
    const found = labelOf.get(id);
    return found ? volunteerName(w, found) : w.volunteerName(fallback);
  };
  let lastDay = '';

  return (
    <>
      <p id="review-summary">{w.reviewDisagreements(buckets.filter((b) => b.disagrees).length)}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard */}
      <section class="review-scroll" aria-label={w.reviewTable} tabIndex={0}>
        <table class="review-table">
          <thead>
            <tr>
              <th scope="col">{w.reviewTime}</th>
              {manyDoors && <th scope="col">{w.door}</th>}
              {volunteers.map((v) => (
                <th scope="col" class={v.excluded ? 'excluded' : undefined} data-volunteer={v.label}>
                  <abbr title={volunteerName(w, v)}>{short(v)}</abbr>
                </th>
              ))}
              <th scope="col">{w.reviewMedian}</th>
            </tr>
          </thead>
          <tbody>
            {buckets.flatMap((b) => {
              const day = f.day(b.from);
              const rows = [];
              if (day !== lastDay)
                rows.push(
                  <tr class="review-day">
                    <th scope="rowgroup" colSpan={columns}>
                      {day}
                    </th>
                  </tr>,
                );
              lastDay = day;
              rows.push(
                <tr class={b.disagrees ? 'disagrees' : undefined}>
                  <th scope="row">
                    {f.time(b.from)}–{f.time(b.to)}
                    {b.disagrees && (
                      <span class="disagree-mark" title={w.reviewDisagree}>
                        {' ≠'}
                        <span class="visually-hidden">{w.reviewDisagree}</span>
                      </span>
                    )}
                  </th>
                  {manyDoors && <td>{w.doorName(b.door)}</td>}
                  {volunteers.map((v) => (
                    <td class={v.excluded ? 'excluded' : undefined}>{f.number(b.counts[v.id])}</td>
                  ))}
                  <td class="median">{f.number(b.median)}</td>
                </tr>,
              );
              return rows;
            })}
          </tbody>
        </table>
      </section>
      {volunteers.length >= 5 && <p class="hint">{w.reviewScroll}</p>}

      <h3>{w.reviewVolunteers}</h3>
      <ul class="review-volunteers">
        {volunteers.map((v) => (
          <li class={v.excluded ? 'excluded' : undefined} data-volunteer={v.label}>
            <p>
              <strong>{volunteerName(w, v)}</strong> · {w.reviewCounted(f.number(v.counted))}
              {v.excluded && <span class="warning"> · {w.reviewExcludedState}</span>}
            </p>
            <button
              type="button"
              class={armed === v.id ? 'danger' : 'quiet'}
              disabled={!online || saving !== null}
              onClick={() => toggle(v)}
            >
              {saving === v.id
                ? w.reviewSaving
                : armed === v.id
                  ? v.excluded
                    ? w.reviewIncludeConfirm
                    : w.reviewExcludeConfirm
                  : v.excluded
                    ? w.reviewInclude
                    : w.reviewExclude}
            </button>
          </li>
        ))}
      </ul>

      <h3>{w.reviewFlagged}</h3>
      {review.flagged.length === 0 ? (
        <p class="hint">{w.reviewNoFlagged}</p>
      ) : (
        <ul id="review-flagged" class="review-list">
          {sameMinute(review.flagged, f.when).map(({ event: e, times }) => (
            <li>
              {f.when(e.at)} · {nameOf(e.volunteer, e.label)} · {w.flagKinds[e.kind]} ·{' '}
              {w.flagReasons[e.reason]}
              {times > 1 && ` × ${times}`}
            </li>
          ))}
        </ul>
      )}

      <h3>{w.reviewLog}</h3>
      {review.log.length === 0 ? (
        <p class="hint">{w.reviewNoLog}</p>
      ) : (
        <ul id="review-log" class="review-list">
          {review.log.map((entry) => {
            const who = nameOf(entry.volunteer, entry.label);
            const by = entry.by === 'coordinator' ? w.byCoordinator(entry.byLabel) : w.byAdmin;
            return (
              <li>
                {f.when(entry.at)} · {entry.excluded ? w.logExcluded(who) : w.logIncluded(who)} · {by}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
