import { AppConfig, CONFIG_KEYS, ConfigError, loadConfig } from './app-config';
import { isSecret } from './secret';

/** The message loadConfig throws for `env`. */
function rejection(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('configuration secrets', () => {
  const config = new AppConfig();

  it('marks every variable that can hold a password, key or token as secret', () => {
    const looksSecret = CONFIG_KEYS.filter((key) => /SECRET|PASSWORD|TOKEN|KEY|_URL$/.test(key));
    expect(looksSecret).toEqual(
      expect.arrayContaining(['JWT_SECRET', 'DATABASE_URL', 'DATABASE_MIGRATION_URL']),
    );
    expect(looksSecret.filter((key) => !isSecret(config, key))).toEqual([]);
    expect(isSecret(config, 'PORT')).toBe(false);
  });

  it('never echoes a rejected DATABASE_URL, whose password it would show', () => {
    const message = rejection({ DATABASE_URL: 'mysql://app:hunter2-secret@db/shifosi' });
    expect(message).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
    expect(message).toContain('not shown because it is a secret');
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('mysql');
  });

  it('never echoes a rejected DATABASE_MIGRATION_URL', () => {
    const message = rejection({
      DATABASE_URL: 'postgresql://app:x@db/shifosi',
      DATABASE_MIGRATION_URL: 'owner:s3cret-pass@db/shifosi',
    });
    expect(message).toContain('DATABASE_MIGRATION_URL must be a postgres:// or postgresql:// URL');
    expect(message).not.toContain('s3cret-pass');
  });

  it('never echoes a JWT_SECRET that is too short', () => {
    const message = rejection({ JWT_SECRET: 'short-but-real' });
    expect(message).toContain('JWT_SECRET must be at least 32 characters');
    expect(message).toContain('got a value of 14 characters');
    expect(message).not.toContain('short-but-real');
  });

  it('still echoes a rejected value that is not secret, next to a secret one', () => {
    const message = rejection({ PORT: 'abc', JWT_SECRET: 'tiny' });
    expect(message).toContain('PORT must be a whole number between 1 and 65535 (got "abc")');
    expect(message).not.toContain('tiny');
  });

  it('refuses DATABASE_MIGRATION_URL without DATABASE_URL', () => {
    expect(rejection({ DATABASE_MIGRATION_URL: 'postgresql://owner:pw@db/shifosi' })).toContain(
      'DATABASE_MIGRATION_URL needs DATABASE_URL',
    );
  });
});

describe('PII_KEY', () => {
  it('is a secret, never echoed when rejected', () => {
    expect(isSecret(new AppConfig(), 'PII_KEY')).toBe(true);
    const message = rejection({ PII_KEY: 'too-short-key-value' });
    expect(message).toContain('PII_KEY must be 32 bytes');
    expect(message).not.toContain('too-short-key-value');
  });

  it('is required in production, with one line saying so', () => {
    const message = rejection({ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40) });
    expect(message).toBe(
      'Invalid configuration: PII_KEY is required when NODE_ENV=production (32 random bytes, e.g. `openssl rand -hex 32`)',
    );
    expect(message).not.toContain('\n');
  });

  it('accepts 64 hex digits or base64 of 32 bytes', () => {
    expect(loadConfig({ PII_KEY: 'ab'.repeat(32) }).PII_KEY).toBe('ab'.repeat(32));
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ PII_KEY: b64 }).PII_KEY).toBe(b64);
  });
});
