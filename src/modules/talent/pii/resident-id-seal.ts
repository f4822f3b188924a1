import { PiiCipher } from './pii-cipher';

/** What is stored of a resident ID number: ciphertext, keyed hash (uniqueness) and the last 4 (search). */
export interface SealedResidentId {
  cipher: Buffer;
  hash: Buffer;
  last4: string;
}

export function sealResidentId(pii: PiiCipher, idNumber: string): SealedResidentId {
  return { cipher: pii.encrypt(idNumber), hash: pii.hash(idNumber), last4: idNumber.slice(-4) };
}
