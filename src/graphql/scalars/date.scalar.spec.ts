import { DateScalar, today } from './date.scalar';

describe('Date scalar', () => {
  it('writes stored dates as they are and Date objects as their UTC day', () => {
    expect(DateScalar.serialize('2024-02-01')).toBe('2024-02-01');
    expect(DateScalar.serialize(new Date('2024-02-01T00:00:00Z'))).toBe('2024-02-01');
  });

  it('refuses to write anything that is not shaped YYYY-MM-DD', () => {
    for (const bad of ['2024-2-01', '2024-02-01T00:00', '2024/02/01', 'abcd-ef-gh', '', 20240201, null]) {
      expect(() => DateScalar.serialize(bad)).toThrow(/Date must be/);
    }
  });

  it('checks the calendar and the range on what clients send', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(() => DateScalar.parseValue('2023-02-29')).toThrow(/calendar date/);
    expect(() => DateScalar.parseValue('1899-12-31')).toThrow(/between 1900-01-01 and 2199-12-31/);
  });

  it('gives the park day, and the next one from its first millisecond (Asia/Shanghai, UTC+8)', () => {
    jest.useFakeTimers({ now: new Date('2024-02-01T15:59:59.900Z') });
    try {
      expect(today()).toBe('2024-02-01');
      expect(today()).toBe('2024-02-01');
      jest.setSystemTime(new Date('2024-02-01T16:00:00.000Z'));
      expect(today()).toBe('2024-02-02');
      expect(today('UTC')).toBe('2024-02-01');
      jest.setSystemTime(new Date('2024-02-02T00:00:00.000Z'));
      expect(today('UTC')).toBe('2024-02-02');
    } finally {
      jest.useRealTimers();
    }
  });
});
