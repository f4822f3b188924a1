import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { describeRejected, Secret } from './secret';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LOG_FORMATS = ['pretty', 'json'] as const;

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
  on: true,
  off: false,
};

/** Parses an env boolean; anything unknown is kept as the raw string so that validation names it. */
function toBoolean({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  const parsed = BOOLEAN_WORDS[value.trim().toLowerCase()];
  return parsed ?? value;
}

function toInt({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  return /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

/**
 * The whole runtime configuration, read from the environment (and an optional `.env`) and validated once at boot.
 * Every variable is listed in `.env.example`; a bad value stops the process with one line naming it.
 */
export class AppConfig {
  /** HTTP port. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 65535' })
  @Min(1, { message: 'must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'must be a whole number between 1 and 65535' })
  PORT: number = 3000;

  /** Interface to bind: 127.0.0.1 by default, 0.0.0.0 in the container. */
  @IsString()
  @MinLength(1, { message: 'must be a host name or IP address' })
  HOST: string = '127.0.0.1';

  /**
   * PostgreSQL URL the app serves requests with (the app role: no superuser, owns nothing); when unset an embedded
   * PostgreSQL is started under DATA_DIR.
   */
  @Secret()
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /**
   * PostgreSQL URL migrations run with (the role that owns the tables); defaults to DATABASE_URL. Only with
   * DATABASE_URL: the embedded server makes both roles itself.
   */
  @Secret()
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_MIGRATION_URL?: string;

  /** Where the embedded PostgreSQL keeps its files. */
  @IsString()
  @MinLength(1, { message: 'must be a directory path' })
  DATA_DIR: string = './.data';

  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Log lines for people (`pretty`) or machines (`json`). Unset: pretty on a terminal outside production, else JSON. */
  @IsOptional()
  @IsIn(LOG_FORMATS, { message: `must be one of ${LOG_FORMATS.join(', ')}` })
  LOG_FORMAT?: (typeof LOG_FORMATS)[number];

  /** Load the demo park on an empty database. Defaults to on for the embedded database, off otherwise. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false (also 1/0, yes/no, on/off)' })
  SEED_DEMO?: boolean;

  /** Allow introspection in production. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false (also 1/0, yes/no, on/off)' })
  GRAPHQL_INTROSPECTION: boolean = false;

  /** Port of the embedded PostgreSQL (only used without DATABASE_URL). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 65535' })
  @Min(1, { message: 'must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'must be a whole number between 1 and 65535' })
  EMBEDDED_PG_PORT: number = 54329;

  // --- Access (accounts, tokens, login rate limit) ---

  /** HMAC secret for access tokens (JWT, HS256); at least 32 characters. Required in production. */
  @Secret()
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Access token lifetime in seconds. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds between 60 and 86400' })
  @Min(60, { message: 'must be a whole number of seconds between 60 and 86400' })
  @Max(86400, { message: 'must be a whole number of seconds between 60 and 86400' })
  JWT_TTL_SECONDS: number = 900;

  /** Failed logins allowed per username within LOGIN_WINDOW_MINUTES. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 1000' })
  @Min(1, { message: 'must be a whole number between 1 and 1000' })
  @Max(1000, { message: 'must be a whole number between 1 and 1000' })
  LOGIN_MAX_FAILURES: number = 10;

  /**
   * Failed logins allowed per client IP (all usernames together) within LOGIN_WINDOW_MINUTES; larger than the
   * per-username limit, so that one user's mistakes do not lock out everyone behind the same address.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 100000' })
  @Min(1, { message: 'must be a whole number between 1 and 100000' })
  @Max(100_000, { message: 'must be a whole number between 1 and 100000' })
  LOGIN_MAX_FAILURES_PER_IP: number = 100;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of minutes between 1 and 1440' })
  @Min(1, { message: 'must be a whole number of minutes between 1 and 1440' })
  @Max(1440, { message: 'must be a whole number of minutes between 1 and 1440' })
  LOGIN_WINDOW_MINUTES: number = 15;

  // --- GraphQL hardening ---

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 50' })
  @Min(1, { message: 'must be a whole number between 1 and 50' })
  @Max(50, { message: 'must be a whole number between 1 and 50' })
  GRAPHQL_MAX_DEPTH: number = 10;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 0 and 1000' })
  @Min(0, { message: 'must be a whole number between 0 and 1000' })
  @Max(1000, { message: 'must be a whole number between 0 and 1000' })
  GRAPHQL_MAX_ALIASES: number = 30;

  /** Largest query cost (fields × list multipliers) a request may have. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 10000000' })
  @Min(1, { message: 'must be a whole number between 1 and 10000000' })
  @Max(10_000_000, { message: 'must be a whole number between 1 and 10000000' })
  GRAPHQL_MAX_COST: number = 20000;

  // --- Partners ---

  /** Days before its end date from which an active agreement is EXPIRING (its notice period). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 1 and 730' })
  @Min(1, { message: 'must be a whole number of days between 1 and 730' })
  @Max(730, { message: 'must be a whole number of days between 1 and 730' })
  AGREEMENT_NOTICE_DAYS: number = 90;

  /** Operations allowed in one HTTP request (1 = no batching). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 50' })
  @Min(1, { message: 'must be a whole number between 1 and 50' })
  @Max(50, { message: 'must be a whole number between 1 and 50' })
  GRAPHQL_MAX_BATCH: number = 1;

  /**
   * How many automatic persisted queries (hash → query text) the server remembers, least recently used dropped first;
   * 0 turns persisted queries off.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 0 and 100000' })
  @Min(0, { message: 'must be a whole number between 0 and 100000' })
  @Max(100000, { message: 'must be a whole number between 0 and 100000' })
  GRAPHQL_PERSISTED_QUERIES: number = 1000;

  /**
   * Locked mode: only documents registered at build time run (GRAPHQL_PERSISTED_FILE: the README's examples and
   * the console's operations), sent by hash or as their exact text; anything else is PERSISTED_QUERY_UNREGISTERED.
   */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false (also 1/0, yes/no, on/off)' })
  GRAPHQL_PERSISTED_ONLY: boolean = false;

  /** The registered documents of locked mode (`npm run build` writes them): a JSON object, sha256 hex → text. */
  @IsString()
  GRAPHQL_PERSISTED_FILE: string = 'dist/persisted-documents.json';

  /** Deepest nesting of braces, brackets and parentheses in a document; deeper ones are refused before parsing. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 16 and 1000' })
  @Min(16, { message: 'must be a whole number between 16 and 1000' })
  @Max(1000, { message: 'must be a whole number between 16 and 1000' })
  GRAPHQL_MAX_NESTING: number = 64;

  /** Largest request body in bytes. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of bytes between 1024 and 104857600' })
  @Min(1024, { message: 'must be a whole number of bytes between 1024 and 104857600' })
  @Max(104_857_600, { message: 'must be a whole number of bytes between 1024 and 104857600' })
  BODY_LIMIT_BYTES: number = 1_048_576;

  /** Most rows one `POST /export` writes (it pages through a connection up to this many). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 5000000' })
  @Min(1, { message: 'must be a whole number between 1 and 5000000' })
  @Max(5_000_000, { message: 'must be a whole number between 1 and 5000000' })
  EXPORT_MAX_ROWS: number = 200_000;

  /** Largest spreadsheet one import reads, in bytes (the upload is streamed and refused past this). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of bytes between 1024 and 1073741824' })
  @Min(1024, { message: 'must be a whole number of bytes between 1024 and 1073741824' })
  @Max(1_073_741_824, { message: 'must be a whole number of bytes between 1024 and 1073741824' })
  IMPORT_MAX_BYTES: number = 52_428_800;

  /**
   * Behind a reverse proxy: take the client IP (sign-in limits, logs) from X-Forwarded-For. Leave off when clients
   * reach the app directly, or anyone can claim any address.
   */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false (also 1/0, yes/no, on/off)' })
  TRUST_PROXY: boolean = false;

  /** Comma-separated origins allowed by CORS; empty turns CORS off. */
  @IsOptional()
  @Matches(/^(\*|https?:\/\/[^,\s]+(,\s*https?:\/\/[^,\s]+)*)$/, {
    message: 'must be * or a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  // --- Personal data ---

  /**
   * Key of the personal-data encryption (resident ID numbers: AES-256-GCM per value, plus a keyed hash for
   * uniqueness): 32 random bytes written as 64 hex digits or 43/44 base64 characters. Required in production; in
   * development one is generated once and kept in DATA_DIR/pii-key (mode 0600). Losing it loses the stored ID numbers.
   */
  @Secret()
  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, {
    message: 'must be 32 bytes written as 64 hex digits or 43/44 base64 characters',
  })
  PII_KEY?: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get embedded(): boolean {
    return !this.DATABASE_URL;
  }

  get seedDemo(): boolean {
    return this.SEED_DEMO ?? this.embedded;
  }
}

/** The environment variables the configuration accepts (also used to check docker-compose.yml). */
export const CONFIG_KEYS = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_MIGRATION_URL',
  'DATA_DIR',
  'NODE_ENV',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'SEED_DEMO',
  'GRAPHQL_INTROSPECTION',
  'EMBEDDED_PG_PORT',
  'JWT_SECRET',
  'JWT_TTL_SECONDS',
  'LOGIN_MAX_FAILURES',
  'LOGIN_MAX_FAILURES_PER_IP',
  'LOGIN_WINDOW_MINUTES',
  'GRAPHQL_MAX_DEPTH',
  'GRAPHQL_MAX_ALIASES',
  'GRAPHQL_MAX_COST',
  'GRAPHQL_MAX_BATCH',
  'GRAPHQL_MAX_NESTING',
  'GRAPHQL_PERSISTED_QUERIES',
  'GRAPHQL_PERSISTED_ONLY',
  'GRAPHQL_PERSISTED_FILE',
  'BODY_LIMIT_BYTES',
  'EXPORT_MAX_ROWS',
  'IMPORT_MAX_BYTES',
  'TRUST_PROXY',
  'CORS_ORIGINS',
  'AGREEMENT_NOTICE_DAYS',
  'PII_KEY',
] as const satisfies readonly (keyof AppConfig)[];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Builds and validates the configuration from an environment map. Empty strings count as unset.
 * Throws ConfigError with one line per bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of CONFIG_KEYS) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const message = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
      return `${error.property} ${message} (${describeRejected(config, error.property, raw[error.property])})`;
    });
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  if (config.DATABASE_MIGRATION_URL && !config.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration: DATABASE_MIGRATION_URL needs DATABASE_URL (the embedded PostgreSQL makes its own roles)',
    );
  }
  if (config.isProduction && !config.JWT_SECRET) {
    throw new ConfigError(
      'Invalid configuration: JWT_SECRET is required when NODE_ENV=production (32+ characters)',
    );
  }
  if (config.isProduction && !config.PII_KEY) {
    throw new ConfigError(
      'Invalid configuration: PII_KEY is required when NODE_ENV=production (32 random bytes, e.g. `openssl rand -hex 32`)',
    );
  }
  return config;
}
