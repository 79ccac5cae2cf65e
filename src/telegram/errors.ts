import { GrammyError, HttpError } from 'grammy';
import { StoreError } from '../store/store-error.js';

/**
 * An error as it may be logged. Never the error object itself: a GrammyError carries the payload of the call
 * (the message text, the chat id), and a network error the request URL (with the bot token). Only names,
 * codes and our own messages, which are written to hold no user data, plus where in the code it happened.
 */
export function describeError(error: unknown): Record<string, string | number> {
  if (error instanceof GrammyError)
    return {
      name: 'GrammyError',
      method: error.method,
      code: error.error_code,
      description: error.description,
    };
  if (error instanceof HttpError) {
    const code = (error.error as { code?: unknown } | undefined)?.code;
    return { name: 'HttpError', ...(typeof code === 'string' ? { code } : {}) };
  }
  if (error instanceof StoreError) return { name: error.name, message: error.message };
  if (error instanceof Error) {
    // The first line of a stack is the message, which for a foreign error may quote anything: frames only.
    const where = (error.stack ?? '')
      .split('\n')
      .slice(1, 4)
      .map((line) => line.trim())
      .join(' | ');
    return { name: error.name, where };
  }
  return { name: typeof error };
}
