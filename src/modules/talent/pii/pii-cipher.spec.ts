import { parsePiiKey, PiiCipher } from './pii-cipher';

describe('PiiCipher', () => {
  const cipher = new PiiCipher(parsePiiKey('00'.repeat(32)));

  it('round-trips, with a fresh IV each time (equal values, different ciphertexts)', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a.equals(b)).toBe(false);
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
    expect(a.toString('latin1')).not.toContain('11010519491231002X');
  });

  it('refuses a value written with another key or altered', () => {
    const other = new PiiCipher(parsePiiKey(Buffer.alloc(32, 1).toString('base64')));
    const stored = cipher.encrypt('440524188001010014');
    expect(() => other.decrypt(stored)).toThrow();
    const altered = Buffer.from(stored);
    altered[altered.length - 1] ^= 1;
    expect(() => cipher.decrypt(altered)).toThrow();
  });

  it('hashes equal values equally, and differently under another key', () => {
    const other = new PiiCipher(parsePiiKey('11'.repeat(32)));
    expect(cipher.hash('x').equals(cipher.hash('x'))).toBe(true);
    expect(cipher.hash('x').equals(cipher.hash('y'))).toBe(false);
    expect(cipher.hash('x').equals(other.hash('x'))).toBe(false);
  });

  it('reads hex and base64 keys of 32 bytes only', () => {
    expect(parsePiiKey('ab'.repeat(32))).toHaveLength(32);
    expect(() => parsePiiKey('ab'.repeat(16))).toThrow('32 bytes');
  });
});
