import { batchRefusal } from './batch-limit';
import { corsOrigins } from './http-hardening';

describe('corsOrigins', () => {
  it('is off when unset or empty', () => {
    expect(corsOrigins({})).toBeUndefined();
    expect(corsOrigins({ CORS_ORIGINS: ' ' })).toBeUndefined();
  });

  it('reads * and exact origin lists', () => {
    expect(corsOrigins({ CORS_ORIGINS: '*' })).toBe('*');
    expect(corsOrigins({ CORS_ORIGINS: 'https://a.example, https://b.example:8443/' })).toEqual([
      'https://a.example',
      'https://b.example:8443',
    ]);
  });
});

describe('batchRefusal', () => {
  it('refuses any batch when the limit is 1, naming the limit', () => {
    expect(batchRefusal(1, 1)?.message).toMatch(/limit is 1 \(GRAPHQL_MAX_BATCH\)/);
  });

  it('accepts batches up to the limit and refuses longer or empty ones', () => {
    expect(batchRefusal(5, 5)).toBeUndefined();
    expect(batchRefusal(6, 5)).toEqual({
      code: 'BATCH_LIMIT_EXCEEDED',
      message: 'Batch of 6 operations exceeds the limit of 5 (GRAPHQL_MAX_BATCH)',
    });
    expect(batchRefusal(0, 5)?.code).toBe('BAD_REQUEST');
  });
});
