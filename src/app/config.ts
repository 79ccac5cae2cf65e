import { z } from 'zod';
import { databaseUrlFromEnv, retentionDaysFromEnv } from '../store/config.js';

// The environment (README's Configuration), read and checked once at start: a bad value is one clear line.

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  TELEGRAM_BOT_TOKEN: z.string().trim().min(1).optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, { error: 'must be 1–256 characters of A-Z, a-z, 0-9, _ and -' })
    .optional(),
  // A bearer token's characters (RFC 6750), since the admin API reads it from an Authorization header.
  ADMIN_TOKEN: z
    .string()
    .min(16, { error: 'must be at least 16 characters' })
    .regex(/^[A-Za-z0-9._~+/-]+=*$/, { error: 'must be made of A-Z, a-z, 0-9 and . _ ~ + / -' })
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  // Where people reach the web page: invite links printed by `count invite` point here.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  // The licence the open data states (count export); CC BY 4.0 when not set.
  OPEN_DATA_LICENCE: z
    .string()
    .trim()
    .min(1)
    .max(200, { error: 'must be at most 200 characters' })
    .optional(),
  // The bot's @username without the @, for Telegram deep links (t.me/NAME?start=…).
  TELEGRAM_BOT_USERNAME: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, { error: 'must be a bot username without @' })
    .optional(),
});

export interface Config extends z.infer<typeof envSchema> {
  DATABASE_URL: string;
  RETENTION_DAYS: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const set = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${String(issue?.path[0] ?? 'environment')} ${issue?.message ?? 'is invalid'}`);
  }
  if (parsed.data.TELEGRAM_WEBHOOK_URL && !parsed.data.TELEGRAM_WEBHOOK_SECRET)
    throw new ConfigError(
      'TELEGRAM_WEBHOOK_URL needs TELEGRAM_WEBHOOK_SECRET, so that nobody else can post updates',
    );
  try {
    return {
      ...parsed.data,
      DATABASE_URL: databaseUrlFromEnv(env),
      RETENTION_DAYS: retentionDaysFromEnv(env),
    };
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
}
