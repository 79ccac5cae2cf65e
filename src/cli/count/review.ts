import { type Counting, createCounting } from '../../count/counting.js';
import type { StationReview } from '../../count/review.js';
import { createReviews, type Reviews } from '../../count/reviews.js';
import { printJson, UsageError } from '../command.js';
import { table, withStore } from '../stats-command.js';
import { requireElection, shippedElections } from './elections.js';

// `count review` and `count exclude`: a station's volunteers side by side, bucket by bucket, and leaving one
// volunteer's data out of the figures (or counting it again). Whoever runs the command holds the database, so
// they act as the admin; the log says "admin (cli)".

interface Where {
  election?: string | undefined;
  station?: string | undefined;
}

function withReviews(
  json: boolean,
  use: (reviews: Reviews, counting: Counting) => Promise<number>,
): Promise<number> {
  return withStore(json, async ({ count }) => {
    const counting = createCounting({ storage: count, shipped: shippedElections });
    try {
      return await use(createReviews({ counting, storage: count }), counting);
    } finally {
      counting.close();
    }
  });
}

async function reviewOf(reviews: Reviews, counting: Counting, where: Where): Promise<StationReview> {
  const election = await requireElection(counting, where.election);
  if (!where.station) throw new UsageError('which station? give --station N');
  const found = await reviews.review(election.id, where.station);
  if (found) return found;
  throw new UsageError(
    `no station ${where.station} in '${where.election}' (see: sobesednik count stations --election ${where.election})`,
  );
}

/** A tally's share of a bucket may be fractional: one decimal is enough to compare. */
const figure = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : Math.round(n * 10) / 10;

function clock(timezone: string) {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (iso: string) => format.format(new Date(iso)).replace(',', '');
}

function printReview(review: StationReview): void {
  const time = clock(review.timezone);
  const { volunteers } = review;
  const head = (v: StationReview['volunteers'][number]) => (v.excluded ? `${v.label} (excluded)` : v.label);
  const rows = review.buckets.map((b) => [
    `${time(b.from)}–${time(b.to).slice(-5)}`,
    b.door,
    ...volunteers.map((v) => figure(b.counts[v.id])),
    figure(b.median),
    b.disagrees ? 'DISAGREE' : '',
  ]);
  const lines = [
    `${review.election}, station ${review.station}: ${volunteers.length} volunteer${volunteers.length === 1 ? '' : 's'}, ${review.buckets.filter((b) => b.disagrees).length} bucket(s) where they disagree, ${review.excluded} excluded (times ${review.timezone})`,
    '',
    ...table([['bucket', 'door', ...volunteers.map(head), 'median', ''], ...rows]),
    '',
    'volunteers (A, B… counted with the app or bot; 1, 2… paper tallies):',
    ...table(
      volunteers.map((v) => [
        `  ${v.label}`,
        v.kind,
        figure(v.counted),
        v.excluded ? 'excluded' : 'counted',
        v.id,
      ]),
    ),
  ];
  if (review.flagged.length > 0)
    lines.push(
      '',
      'kept but not counted:',
      ...table(review.flagged.map((f) => [`  ${time(f.at)}`, f.label, f.kind, f.reason, f.door ?? ''])),
    );
  if (review.log.length > 0)
    lines.push(
      '',
      'exclusion log:',
      ...table(
        review.log.map((l) => [
          `  ${time(l.at)}`,
          l.label,
          l.excluded ? 'excluded' : 'included again',
          l.by === 'coordinator' ? `coordinator${l.byLabel ? ` ${l.byLabel}` : ''}` : l.by,
        ]),
      ),
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function review(where: Where, json: boolean): Promise<number> {
  return withReviews(json, async (reviews, counting) => {
    const found = await reviewOf(reviews, counting, where);
    if (json) printJson(found);
    else printReview(found);
    return 0;
  });
}

export function exclude(where: Where & { volunteer?: string | undefined; undo: boolean }, json: boolean) {
  return withReviews(json, async (reviews, counting) => {
    const found = await reviewOf(reviews, counting, where);
    if (!where.volunteer)
      throw new UsageError('which volunteer? give --volunteer ID (the ids are in: sobesednik count review)');
    const result = await reviews.setExcluded({
      election: found.election,
      station: found.station,
      volunteer: where.volunteer,
      excluded: !where.undo,
      by: 'admin (cli)',
    });
    if (!result.ok)
      throw new UsageError(
        `no volunteer '${where.volunteer}' has data at station ${found.station} (see: sobesednik count review --election ${found.election} --station ${found.station})`,
      );
    if (json) printJson(result);
    else
      process.stdout.write(
        `volunteer ${result.volunteer.label} at station ${found.station}: ${result.volunteer.excluded ? 'excluded from the figures (their data is kept; --undo counts it again)' : 'counted again'}\n`,
      );
    return 0;
  });
}
