import { validateSync } from 'class-validator';
import { CREDIT_CODE_ALPHABET, creditCodeProblem, IsCreditCode, isValidCreditCode } from './credit-code';

/**
 * Published unified social credit codes. Each one was cross-checked against several independent public listings
 * (business-registry extracts, invoice headers, GLEIF's `registeredAs`), not derived from the validator.
 */
const REAL_CODES: readonly { name: string; code: string }[] = [
  // 腾讯科技（深圳）有限公司 (Tencent Technology (Shenzhen)); its organisation code check character is 'X'
  { name: '腾讯科技（深圳）有限公司', code: '9144030071526726XG' },
  // 深圳市腾讯计算机系统有限公司 (Shenzhen Tencent Computer Systems)
  { name: '深圳市腾讯计算机系统有限公司', code: '91440300708461136T' },
  // 华为技术有限公司 (Huawei Technologies); all digits
  { name: '华为技术有限公司', code: '914403001922038216' },
  // 比亚迪股份有限公司 (BYD Company)
  { name: '比亚迪股份有限公司', code: '91440300192317458F' },
  // 小米通讯技术有限公司 (Xiaomi Communications)
  { name: '小米通讯技术有限公司', code: '91110108558521630L' },
  // 北京百度网讯科技有限公司 (Beijing Baidu Netcom Science and Technology)
  { name: '北京百度网讯科技有限公司', code: '91110000802100433B' },
  // 阿里巴巴（中国）有限公司 (Alibaba (China))
  { name: '阿里巴巴（中国）有限公司', code: '91330100799655058B' },
  // 中国石油天然气股份有限公司 (PetroChina), the `registeredAs` of its LEI 529900RPY4YG47TRSV05
  { name: '中国石油天然气股份有限公司', code: '91110000710925462X' },
  // 北京理工大学 (Beijing Institute of Technology): authority 1 机构编制, category 2 事业单位
  { name: '北京理工大学', code: '12100000400009127B' },
  // 北京理工大学教育基金会 (BIT Education Foundation): authority 5 民政, category 3 基金会
  { name: '北京理工大学教育基金会', code: '53100000500021676K' },
];

/** Replaces the character at 1-based `position`. */
const withCharAt = (code: string, position: number, char: string): string =>
  code.slice(0, position - 1) + char + code.slice(position);

/** Another character of the alphabet than `char` (the next one, wrapping). */
const otherThan = (char: string): string =>
  CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(char) + 1) % CREDIT_CODE_ALPHABET.length];

describe('CREDIT_CODE_ALPHABET', () => {
  it('has the 31 characters of GB 32100, without I, O, Z, S, V', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CREDIT_CODE_ALPHABET).size).toBe(31);
    for (const letter of 'IOZSV') expect(CREDIT_CODE_ALPHABET).not.toContain(letter);
  });
});

describe('creditCodeProblem / isValidCreditCode', () => {
  describe.each(REAL_CODES)('$name $code', ({ code }) => {
    it('is valid', () => {
      expect(creditCodeProblem(code)).toBeUndefined();
      expect(isValidCreditCode(code)).toBe(true);
    });

    it('fails with the expected check character when the last character is altered', () => {
      const altered = withCharAt(code, 18, otherThan(code[17]));
      expect(isValidCreditCode(altered)).toBe(false);
      expect(creditCodeProblem(altered)).toBe(
        `has a wrong check character: expected '${code[17]}' at position 18, got '${altered[17]}'`,
      );
    });

    it('fails when a character of the organisation code body is altered', () => {
      const altered = withCharAt(code, 12, otherThan(code[11]));
      expect(creditCodeProblem(altered)).toMatch(/organisation code .*expected GB 11714 check character/);
    });
  });

  it('rejects the lowercase form, naming the first lowercase character', () => {
    expect(creditCodeProblem('9144030071526726xg')).toBe(
      "must use only digits and the capital letters of GB 32100 (no I, O, Z, S, V; lowercase not accepted): 'x' at position 17 is not allowed",
    );
    expect(isValidCreditCode('91440300708461136t')).toBe(false);
    expect(isValidCreditCode('91110000802100433b')).toBe(false);
  });

  it('rejects 17 and 19 characters with a length message', () => {
    expect(creditCodeProblem('91440300192317458')).toBe('must be exactly 18 characters (got 17)');
    expect(creditCodeProblem('91440300192317458F0')).toBe('must be exactly 18 characters (got 19)');
    expect(creditCodeProblem('')).toBe('must be exactly 18 characters (got 0)');
  });

  it('counts and quotes characters by code point', () => {
    expect(creditCodeProblem('9144030019231745😀')).toBe('must be exactly 18 characters (got 17)');
    expect(creditCodeProblem('9144030019231745😀F')).toMatch(/'😀' at position 17 is not allowed/);
  });

  it.each([
    ['I', 9],
    ['O', 12],
    ['Z', 1],
    ['S', 5],
    ['V', 18],
  ])("names the forbidden letter '%s' at position %d", (letter, position) => {
    const code = withCharAt('9144030071526726XG', position, letter);
    expect(creditCodeProblem(code)).toContain(`'${letter}' at position ${position} is not allowed`);
  });

  it('reports the first bad character only', () => {
    expect(creditCodeProblem('91 440300192317458')).toContain("' ' at position 3 is not allowed");
    expect(creditCodeProblem('914403001923174-8F')).toContain("'-' at position 16 is not allowed");
  });

  it('accepts every registration authority code of the GB 32100 table and nothing else', () => {
    const body = '14403001922038216'; // Huawei's code without its authority character
    for (const authority of '123456789ANY') {
      expect(creditCodeProblem(authority + body) ?? '').not.toMatch(/registration authority/);
    }
    for (const authority of CREDIT_CODE_ALPHABET.replace(/[1-9ANY]/g, '')) {
      expect(creditCodeProblem(authority + body)).toBe(
        `must start with a GB 32100 registration authority code (1-9, A, N or Y): '${authority}' at position 1 is not one`,
      );
    }
  });

  it('checks the GB 11714 check character of the organisation code at position 17', () => {
    // Tencent's organisation code 71526726-X: its check character is X (10)
    expect(creditCodeProblem('91440300715267261G')).toBe(
      "has an invalid organisation code (positions 9-17): expected GB 11714 check character 'X' at position 17, got '1'",
    );
    // Huawei's organisation code 19220382-1
    expect(creditCodeProblem('914403001922038226')).toContain("expected GB 11714 check character '1'");
  });

  it('reports a check character 0 (GB 32100 remainder 0) correctly', () => {
    // 911522010783762860 is a published code whose check character is 0
    expect(isValidCreditCode('911522010783762860')).toBe(true);
    expect(creditCodeProblem('911522010783762861')).toContain("expected '0' at position 18");
  });

  it('rejects the early Xiamen pilot codes, which predate GB 32100 and fail its check character', () => {
    // a real code cited by hutool's tests as not conforming to the national standard
    expect(creditCodeProblem('91350211M00013FA1N')).toBe(
      "has a wrong check character: expected '3' at position 18, got 'N'",
    );
  });
});

describe('@IsCreditCode', () => {
  class EnterpriseInput {
    @IsCreditCode()
    creditCode: unknown;
  }

  class CustomMessageInput {
    @IsCreditCode({ message: 'bad code' })
    creditCode: unknown;
  }

  class BranchesInput {
    @IsCreditCode({ each: true })
    creditCodes: unknown;
  }

  const messagesOf = <T extends object>(input: T, values: Partial<T>): string[] =>
    validateSync(Object.assign(input, values)).flatMap((error) => Object.values(error.constraints ?? {}));

  it('accepts a real code', () => {
    expect(messagesOf(new EnterpriseInput(), { creditCode: '91440300192317458F' })).toEqual([]);
  });

  it('names the property and the broken rule', () => {
    expect(messagesOf(new EnterpriseInput(), { creditCode: '91440300192317458E' })).toEqual([
      "creditCode has a wrong check character: expected 'F' at position 18, got 'E'",
    ]);
    expect(messagesOf(new EnterpriseInput(), { creditCode: '9144030019231745' })).toEqual([
      'creditCode must be exactly 18 characters (got 16)',
    ]);
  });

  it('refuses values that are not strings', () => {
    expect(messagesOf(new EnterpriseInput(), { creditCode: 9144030019 })).toEqual([
      'creditCode must be a string',
    ]);
    expect(messagesOf(new EnterpriseInput(), { creditCode: undefined })).toEqual([
      'creditCode must be a string',
    ]);
  });

  it('honours a custom message', () => {
    expect(messagesOf(new CustomMessageInput(), { creditCode: 'x' })).toEqual(['bad code']);
  });

  it('with each, reports the first bad item', () => {
    expect(
      messagesOf(new BranchesInput(), { creditCodes: ['914403001922038216', '91440300192317458F'] }),
    ).toEqual([]);
    expect(
      messagesOf(new BranchesInput(), { creditCodes: ['914403001922038216', '91440300192317458f'] }),
    ).toEqual([
      "each value in creditCodes must use only digits and the capital letters of GB 32100 (no I, O, Z, S, V; lowercase not accepted): 'f' at position 18 is not allowed",
    ]);
  });
});
