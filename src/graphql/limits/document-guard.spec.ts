import { documentNesting, documentRefusal } from './document-guard';

describe('documentNesting', () => {
  it('counts braces, brackets and parentheses', () => {
    expect(documentNesting('{ health { status } }')).toBe(2);
    expect(documentNesting('{ units(first: [[1]]) { totalCount } }')).toBe(4);
  });

  it('ignores strings, block strings and comments', () => {
    expect(documentNesting('{ park(code: "{{{{\\"{{") { id } }')).toBe(2);
    expect(documentNesting('{ a(b: """{{{ \\""" {{""") }')).toBe(2);
    expect(documentNesting('{ # {{{{{{\n a }')).toBe(1);
  });

  it('stops counting once past the limit', () => {
    expect(documentNesting('{'.repeat(100_000), 64)).toBe(65);
  });
});

describe('documentRefusal', () => {
  it('refuses a query that is not a string', () => {
    expect(documentRefusal(123, 64)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(documentRefusal({ a: 1 }, 64)?.message).toMatch(/must be a string .* got object/);
  });

  it('refuses nesting over the limit, naming GRAPHQL_MAX_NESTING', () => {
    const refusal = documentRefusal(`${'{ a '.repeat(65)}${'}'.repeat(65)}`, 64);
    expect(refusal).toMatchObject({ status: 400, code: 'NESTING_LIMIT_EXCEEDED', numbers: { limit: 64 } });
    expect(refusal?.message).toBe('Document nesting exceeds the limit of 64 (GRAPHQL_MAX_NESTING)');
    expect(documentRefusal(`${'{ a '.repeat(64)}${'}'.repeat(64)}`, 64)).toBeUndefined();
  });
});
