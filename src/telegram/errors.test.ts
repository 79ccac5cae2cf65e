import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../store/store-error.js';
import { describeError } from './errors.js';

describe('describeError', () => {
  it('keeps names and codes, never the payload of a call or the URL with the token', () => {
    const grammy = new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code: 400, description: 'Bad Request: message is too long' },
      'sendMessage',
      { chat_id: 987654321, text: 'мама смотрит телевизор' },
    );
    const network = new HttpError("Network request for 'getMe' failed!", {
      code: 'ECONNREFUSED',
      message: 'request to http://127.0.0.1:1/bot123:SECRET/getMe failed',
    });
    const described = JSON.stringify([
      describeError(grammy),
      describeError(network),
      describeError(new StoreError('the database file is locked')),
      describeError(new TypeError('cannot read «мама смотрит телевизор»')),
      describeError('odd'),
    ]);
    expect(described).toContain('"code":400');
    expect(described).toContain('ECONNREFUSED');
    expect(described).toContain('the database file is locked');
    expect(described).toContain('TypeError');
    for (const secret of ['987654321', 'мама', 'SECRET']) expect(described).not.toContain(secret);
  });
});
