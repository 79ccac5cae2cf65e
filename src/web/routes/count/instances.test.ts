import { afterEach, describe, expect, it } from 'vitest';
import { type EventStream, entry, openEventStream, setUpElection } from '../../../test-support/count.js';
import { noticeSkippedPostgres, type TestDatabase, testDialects } from '../../../test-support/databases.js';
import { startTestWeb, TestClient, type TestWeb } from '../../../test-support/web.js';

// Two web servers on one PostgreSQL, as behind a load balancer: a volunteer's events sent to one reach the
// stream clients of the other, through PostgreSQL's LISTEN/NOTIFY, over real HTTP.

noticeSkippedPostgres();
const postgres = testDialects().find((d) => d.name === 'postgres');

describe.skipIf(!postgres?.available)('the live stream across instances on PostgreSQL', () => {
  let database: TestDatabase | undefined;
  const webs: TestWeb[] = [];
  const streams: EventStream[] = [];

  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await Promise.all(webs.splice(0).map((web) => web.close()));
    await database?.drop();
  });

  it('shows on one server the events another server accepted', async () => {
    database = await postgres?.create();
    const env = { DATABASE_URL: database?.url ?? '' };
    // Started together, as instances of one deployment are: both migrate, under PostgreSQL's lock.
    const [a, b] = await Promise.all([startTestWeb({ env }), startTestWeb({ env })]);
    webs.push(a, b);
    if (!a || !b) throw new Error('not started');
    const { invite } = await setUpElection(a.services.store, { stations: ['8267', '8268'] });

    const onA = await openEventStream(`${a.url}/api/count/elections/test-count/stream`);
    const onB = await openEventStream(`${b.url}/api/count/elections/test-count/stream`);
    streams.push(onA, onB);
    const joined = await new TestClient(a.url).request('POST', '/api/count/join', {
      code: await invite('8268'),
    });
    const send = (events: object[]) =>
      new TestClient(a.url).request(
        'POST',
        '/api/count/events',
        { events },
        {
          Authorization: `Bearer ${joined.json.token}`,
        },
      );

    const sent = Date.now();
    expect((await send([entry(2), entry(1)])).json).toEqual({ accepted: 2, duplicates: 0 });
    const seen = await onB.next<{ station: string; counted: { value: number } }>(
      (s) => s.station === '8268' && s.counted.value === 2,
    );
    expect(seen).toMatchObject({ country: 'RS', city: 'Belgrade' });
    expect(Date.now() - sent).toBeLessThan(2000);
    await onA.next<{ station: string }>((s) => s.station === '8268');

    // And the other server's live figures agree.
    const live = await new TestClient(b.url).request('GET', '/api/count/elections/test-count/live');
    expect(live.json.totals).toEqual({ counted: 2 });
  });
});
