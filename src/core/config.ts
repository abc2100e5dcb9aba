import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  GROVE_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Public base URL, used in invitation links. Defaults to http://localhost:PORT. */
  GROVE_PUBLIC_URL: z.string().url().optional(),
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies behind HTTPS). */
  GROVE_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  GROVE_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(12 * 60),
  GROVE_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(14 * 24),
  /** sign-in requests per minute from one IP address */
  GROVE_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** the largest file an import accepts (CSV or XLSX), in megabytes */
  GROVE_IMPORT_MAX_MB: z.coerce.number().int().min(1).max(2048).default(50),
  /** Grove's inbound SMTP endpoint for the complaints mailbox; off unless set */
  GROVE_SMTP_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
  GROVE_SMTP_HOST: z.string().default('0.0.0.0'),
  NODE_ENV: z.string().default('production'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel: string;
  publicUrl?: string;
  trustProxy: boolean;
  sessionIdleMs: number;
  sessionMaxMs: number;
  pretty: boolean;
  loginRatePerMinute: number;
  importMaxBytes: number;
  /** the inbound SMTP endpoint (complaints by e-mail); undefined: not started */
  smtpPort?: number;
  smtpHost: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.GROVE_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.GROVE_PUBLIC_URL,
    trustProxy: e.GROVE_TRUST_PROXY === 'true',
    sessionIdleMs: e.GROVE_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.GROVE_SESSION_MAX_HOURS * 3_600_000,
    pretty: e.NODE_ENV === 'development',
    loginRatePerMinute: e.GROVE_LOGIN_RATE_PER_MINUTE,
    importMaxBytes: e.GROVE_IMPORT_MAX_MB * 1024 * 1024,
    smtpPort: e.GROVE_SMTP_PORT,
    smtpHost: e.GROVE_SMTP_HOST,
  };
}
