import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../app/config.js';
import { newSession, sendEvent, startTestApp, type TestApp } from '../../test-support/web.js';
import { createWebApp } from '../app.js';

// The editors' tools in process: the bearer guard, the phrasings, the reload.

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

let web: TestApp;

beforeAll(async () => {
  web = await startTestApp({ env: { ADMIN_TOKEN } });
});

afterAll(async () => {
  await web?.close();
});

describe('admin', () => {
  it('wants the bearer token', async () => {
    const client = web.client();
    const none = await client.request('GET', '/admin/api/phrasings');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(none.json).toEqual({ error: 'an admin bearer token is required' });
    expect(none.headers.get('cache-control')).toBe('no-store');
    const wrong = await client.request('GET', '/admin/api/phrasings', undefined, {
      Authorization: 'Bearer wrong',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(wrong.json).toEqual({ error: 'an admin bearer token is required' });
    const bare = await client.request('POST', '/admin/api/reload', undefined, { Authorization: ADMIN_TOKEN });
    expect(bare.status).toBe(401);
    expect(bare.json).toEqual({ error: 'an admin bearer token is required' });
    const page = await client.request('GET', '/admin');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('takes only a token that can travel as a bearer token', () => {
    const env = { DATABASE_URL: 'sqlite::memory:', SOBESEDNIK_SECRET: 'x'.repeat(64) };
    expect(() => readConfig({ ...env, ADMIN_TOKEN: 'a passphrase with spaces!' })).toThrow(/ADMIN_TOKEN/);
    expect(readConfig({ ...env, ADMIN_TOKEN }).ADMIN_TOKEN).toBe(ADMIN_TOKEN);
  });

  it('is off, as if absent, when ADMIN_TOKEN is unset', async () => {
    const services = { ...web.services, config: { ...web.services.config, ADMIN_TOKEN: undefined } };
    const off = web.client(createWebApp(services));
    for (const url of ['/admin', '/admin/api/phrasings']) {
      const response = await off.request('GET', url, undefined, auth);
      expect(response.status, url).toBe(404);
      expect(response.json).toEqual({ error: 'not found' });
    }
  });

  it('lists consented phrasings grouped, most frequent first', async () => {
    const share = async (text: string) => {
      const { client, id } = await newSession(web.client(), 'ru');
      const { reply } = await sendEvent(client, id, { text });
      const consent = reply.messages
        .flatMap((m) => m.buttons.flat())
        .find((b) => b.data === 'talk:share:yes');
      expect(consent, text).toBeDefined();
      await sendEvent(client, id, { button: consent?.data });
    };
    await share('у соседки кошка родила пятерых котят');
    await share('у соседки кошка родила шестерых котят');
    await share('мой велосипед опять сломался');
    const response = await web.client().request('GET', '/admin/api/phrasings', undefined, auth);
    expect(response.status).toBe(200);
    const groups = response.json.groups as { size: number; example: string }[];
    expect(response.json.total).toBe(3);
    expect(groups[0]?.size).toBe(2);
    expect(groups[0]?.example).toMatch(/кошка/);
    expect(groups.some((group) => /велосипед/.test(group.example))).toBe(true);
  });

  it('reloads the catalogue for the whole process, the bot included', async () => {
    const before = web.services.catalogue;
    const response = await web.client().request('POST', '/admin/api/reload', undefined, auth);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ok: true, positions: 40, personas: 6, scope: 'process' });
    // The services' catalogue is what the bot reads at each use (its /stats titles).
    expect(web.services.catalogue).not.toBe(before);
    const after = await web.client().request('GET', '/api/positions/vote-rigged');
    expect(after.status).toBe(200);
    const matched = await web.client().request('POST', '/api/match', { text: 'Мой голос ничего не решает' });
    expect(matched.json).toMatchObject({ positions: [{ id: 'vote-pointless' }] });
  });
});
