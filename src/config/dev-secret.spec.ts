import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_PII_KEY_FILE, DEV_SECRET_FILE, developmentJwtSecret, developmentPiiKey } from './dev-secret';

describe('developmentJwtSecret', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shifosi-secret-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates a secret once, keeps it in DATA_DIR with mode 0600, and returns the same one afterwards', async () => {
    const dataDir = join(dir, 'data'); // not there yet: created on the first start
    const first = await developmentJwtSecret(dataDir);
    expect(first.created).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(first.file).toBe(join(dataDir, DEV_SECRET_FILE));
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    expect((await readFile(first.file, 'utf8')).trim()).toBe(first.secret);

    const second = await developmentJwtSecret(dataDir);
    expect(second).toEqual({ ...first, created: false });
  });

  it('replaces a file too short to be a secret and tightens one readable by others', async () => {
    const file = join(dir, DEV_SECRET_FILE);
    await writeFile(file, 'short\n', { mode: 0o644 });
    const replaced = await developmentJwtSecret(dir);
    expect(replaced.created).toBe(true);
    expect(replaced.secret).not.toBe('short');
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    await writeFile(file, 'x'.repeat(40) + '\n', { mode: 0o644 });
    await chmod(file, 0o644);
    const kept = await developmentJwtSecret(dir);
    expect(kept).toMatchObject({ secret: 'x'.repeat(40), created: false });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});

describe('developmentPiiKey', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shifosi-pii-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates a 32-byte key once under DATA_DIR (mode 0600) and keeps it', async () => {
    const first = await developmentPiiKey(dir);
    expect(first.created).toBe(true);
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(first.file).toBe(join(dir, DEV_PII_KEY_FILE));
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    expect(await developmentPiiKey(dir)).toEqual({ ...first, created: false });
  });

  it('replaces a file that is not a key', async () => {
    await writeFile(join(dir, DEV_PII_KEY_FILE), 'not-a-key\n');
    const replaced = await developmentPiiKey(dir);
    expect(replaced.created).toBe(true);
    expect(replaced.secret).toMatch(/^[0-9a-f]{64}$/);
  });
});
