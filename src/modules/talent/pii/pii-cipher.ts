import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Format byte of a stored value: 1 = AES-256-GCM, 12-byte IV, 16-byte tag, then the ciphertext. */
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The 32 bytes of PII_KEY, written as 64 hex digits or as base64 / base64url. */
export function parsePiiKey(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('PII_KEY must be 32 bytes');
  return key;
}

/**
 * Encryption of personal data per value (resident ID numbers; PIPL art. 28 sensitive information): AES-256-GCM with
 * a fresh IV each time, so equal numbers give different ciphertexts; and a keyed hash (HMAC-SHA256) that is equal
 * for equal numbers, which the database's unique index compares. Both keys are derived from PII_KEY (HKDF), so one
 * secret is kept and neither key serves the other purpose.
 */
export class PiiCipher {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(master: Buffer) {
    this.encryptionKey = Buffer.from(
      hkdfSync('sha256', master, Buffer.alloc(0), 'shifosi pii encryption', 32),
    );
    this.hashKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'shifosi pii hash', 32));
  }

  /** A cipher with a random key, for a process whose stored values need not outlive it (tests). */
  static ephemeral(): PiiCipher {
    return new PiiCipher(randomBytes(32));
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]);
  }

  /** The clear value; throws when the value was written with another key or altered. */
  decrypt(stored: Buffer): string {
    if (stored[0] !== FORMAT) throw new Error(`Unknown personal-data format ${stored[0]}`);
    const iv = stored.subarray(1, 1 + IV_BYTES);
    const tag = stored.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(stored.subarray(1 + IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  /** The keyed hash a unique index compares (equal values, equal hashes; useless without the key). */
  hash(plain: string): Buffer {
    return createHmac('sha256', this.hashKey).update(plain, 'utf8').digest();
  }
}

/**
 * The cipher of each running app, by its DataSource: the demo seed, handed only the DataSource, encrypts with the key
 * of the app that will read the data.
 */
const BY_DATA_SOURCE = new WeakMap<object, PiiCipher>();

export function registerPiiCipher(dataSource: object, cipher: PiiCipher): void {
  BY_DATA_SOURCE.set(dataSource, cipher);
}

export function piiCipherOf(dataSource: object): PiiCipher | undefined {
  return BY_DATA_SOURCE.get(dataSource);
}
