import { percentHalfUp, rate } from './percent';

describe('percentHalfUp', () => {
  it.each([
    [107, 140, 1, '76.4'],
    [0, 140, 1, '0.0'],
    [140, 140, 1, '100.0'],
    [2, 3, 1, '66.7'],
    [1, 3, 1, '33.3'],
    [1, 3, 3, '33.333'],
    [150, 140, 1, '107.1'],
    [3, 4, 0, '75'],
    [3, 4, 2, '75.00'],
  ])('%p / %p with %p decimals is %p', (numerator, denominator, decimals, expected) => {
    expect(percentHalfUp(numerator, denominator, decimals)).toBe(expected);
  });

  it('defaults to one decimal', () => {
    expect(percentHalfUp(107, 140)).toBe('76.4');
  });

  it.each([
    // exact halves round up (away from zero)
    [1, 8, 0, '13'], // 12.5 %
    [1, 8, 1, '12.5'],
    [1, 8, 2, '12.50'],
    [61, 80, 1, '76.3'], // 76.25 %
    [0.5, 400, 2, '0.13'], // 0.125 %
    [0.5, 400, 1, '0.1'],
    [1, 16, 1, '6.3'], // 6.25 %
    [1, 16, 2, '6.25'],
    [1, 200, 0, '1'], // 0.5 %
    [1, 2000, 1, '0.1'], // 0.05 %
    // just below a half rounds down
    [201, 20000, 1, '1.0'], // 1.005 % -> 1.0 (the 0 decides, not the later 5)
  ])('%p / %p with %p decimals is %p (half-up)', (numerator, denominator, decimals, expected) => {
    expect(percentHalfUp(numerator, denominator, decimals)).toBe(expected);
  });

  it.each([
    // cases where binary floating point (x / y * 100, then toFixed) lands on the wrong side of the half
    [201, 20000, 2, '1.01'], // 1.005 %
    [1.005, 100, 2, '1.01'], // 1.005 %: the double 1.005 is 1.00499999999999989…, read here as 1.005
    [2.675, 100, 2, '2.68'], // 2.675 %
    [1234.5, 100000, 3, '1.235'], // 1.2345 %
    [1.45, 10, 0, '15'], // 14.5 %: 1.45 / 10 * 100 is 14.499999999999998 in floating point
    [25.05, 1000, 1, '2.5'], // 2.505 % -> 2.5 at one decimal
    [25.05, 1000, 2, '2.51'],
  ])('%p / %p with %p decimals is exactly %p', (numerator, denominator, decimals, expected) => {
    expect(percentHalfUp(numerator, denominator, decimals)).toBe(expected);
  });

  it('handles areas in m² with two decimals', () => {
    expect(percentHalfUp(12345.67, 23456.78)).toBe('52.6'); // 52.63159… %
    expect(percentHalfUp(12345.67, 23456.78, 2)).toBe('52.63');
    expect(percentHalfUp(12345.67, 23456.78, 4)).toBe('52.6316');
    expect(percentHalfUp(24691.34, 49382.68, 0)).toBe('50');
    expect(percentHalfUp(0.1, 0.3)).toBe('33.3');
    expect(percentHalfUp(4321.25, 8642.5, 2)).toBe('50.00');
  });

  it('handles inputs with four decimal places and tiny or huge magnitudes', () => {
    expect(percentHalfUp(0.0001, 3, 6)).toBe('0.003333');
    expect(percentHalfUp(0.0005, 1, 2)).toBe('0.05');
    expect(percentHalfUp(0.00005, 1, 2)).toBe('0.01'); // 0.005 %, written 0.00005 = String(5e-5)
    expect(percentHalfUp(1e-7, 1, 5)).toBe('0.00001'); // String(1e-7) is "1e-7"
    expect(percentHalfUp(1e21, 2e21)).toBe('50.0'); // String(1e21) is "1e+21"
    expect(percentHalfUp(1, 3e21, 20)).toBe('0.00000000000000000003');
  });

  it('gives zero with the requested decimals when the denominator is 0', () => {
    expect(percentHalfUp(0, 0)).toBe('0.0');
    expect(percentHalfUp(5, 0)).toBe('0.0');
    expect(percentHalfUp(5, 0, 0)).toBe('0');
    expect(percentHalfUp(5, 0, 3)).toBe('0.000');
  });

  it('pads small results with leading zeros', () => {
    expect(percentHalfUp(1, 1000, 2)).toBe('0.10');
    expect(percentHalfUp(1, 100000, 3)).toBe('0.001');
    expect(percentHalfUp(1, 100000, 2)).toBe('0.00');
  });

  it('throws a RangeError for negative or non-finite inputs', () => {
    expect(() => percentHalfUp(-1, 140)).toThrow(RangeError);
    expect(() => percentHalfUp(1, -140)).toThrow(RangeError);
    expect(() => percentHalfUp(Number.NaN, 140)).toThrow(RangeError);
    expect(() => percentHalfUp(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('throws a RangeError for an invalid number of decimals', () => {
    expect(() => percentHalfUp(1, 2, -1)).toThrow(RangeError);
    expect(() => percentHalfUp(1, 2, 1.5)).toThrow(RangeError);
  });
});

describe('rate', () => {
  it('is the plain ratio', () => {
    expect(rate(107, 140)).toBeCloseTo(0.7642857, 7);
    expect(rate(61, 80)).toBe(0.7625);
    expect(rate(0, 140)).toBe(0);
    expect(rate(140, 140)).toBe(1);
  });

  it('is 0 when the denominator is 0', () => {
    expect(rate(0, 0)).toBe(0);
    expect(rate(12345.67, 0)).toBe(0);
  });

  it('throws a RangeError for negative inputs', () => {
    expect(() => rate(-1, 2)).toThrow(RangeError);
    expect(() => rate(1, -2)).toThrow(RangeError);
  });
});
