import { z } from 'zod';

const port = (fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65535, 'must be between 1 and 65535')
    .default(String(fallback));

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => ['true', '1', 'yes'].includes(v));
const flag = (fallback: boolean) => bool.default(fallback ? 'true' : 'false');

const postgresUrl = z
  .string()
  .trim()
  .url('must be a URL such as postgres://user:password@host:5432/accord')
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');

/**
 * Every setting the API reads, validated once at start. A bad value stops the process with a
 * message naming the variable, rather than surfacing later as an obscure failure.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  PORT: port(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The application role's connection (NOSUPERUSER, NOBYPASSRLS). Unset: embedded PostgreSQL. */
  DATABASE_URL: postgresUrl.optional(),
  /** The owner role's connection, for migrations and seeds. Defaults to DATABASE_URL. */
  DATABASE_MIGRATION_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 200, 'must be between 1 and 200')
    .default('10'),
  EMBEDDED_PG_PORT: port(54329),
  EMBEDDED_PG_DIR: z.string().trim().min(1).default('.data/postgres'),
  MIGRATE_ON_START: flag(true),
  /** Load the demo workspaces at start. Unset: yes with the embedded database, no with DATABASE_URL. */
  SEED_DEMO: bool.optional(),
  /** Signs the session cookie. Required in production; development falls back to a fixed local value. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The address people open, for links in e-mails. Defaults to http://localhost:PORT. */
  PUBLIC_URL: z.string().trim().url('must be a URL such as https://accord.example.com').optional(),
  /** SMTP for invitation e-mails, e.g. smtp://user:pass@mail.example.com:587. Unset: links are shown to the inviter and logged. */
  SMTP_URL: z.string().trim().url('must be a URL such as smtp://user:password@host:587').optional(),
  SMTP_FROM: z.string().trim().min(3).default('Accord <no-reply@accord.local>'),
  /** Failed sign-ins per account, and per IP address, within 15 minutes before 429. */
  LOGIN_MAX_FAILURES: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).default('10'),
  /** Where the built SPA lives; served at / when present. */
  WEB_DIST: z.string().trim().min(1).default('dist/apps/web'),
});

export type Env = z.infer<typeof envSchema>;

const DEV_SESSION_SECRET = 'accord-development-only-session-secret-0000';

export function sessionSecret(env: Env): string {
  return env.SESSION_SECRET ?? DEV_SESSION_SECRET;
}

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  // An empty variable means "not set", as shells and compose files commonly write it.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema
    .refine((env) => env.NODE_ENV !== 'production' || env.SESSION_SECRET, { path: ['SESSION_SECRET'], message: 'is required when NODE_ENV=production' })
    .safeParse(cleaned);
  if (!result.success) {
    throw new InvalidEnvironmentError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(cleaned[String(issue.path[0])] ?? null)})`),
    );
  }
  return result.data;
}
