import { daysBetween, paceOf } from './target-pace';

describe('target pace', () => {
  // 10 by 2024-01-31, counting from 2024-01-01 (30 days); asked on 2024-01-16, halfway.
  const target = { value: 10, startsOn: '2024-01-01', dueOn: '2024-01-31' };

  it('expects half the goal halfway, and asks for the rest per 30 days left', () => {
    expect(daysBetween('2024-01-01', '2024-01-31')).toBe(30);
    expect(paceOf(target, 4, '2024-01-16')).toEqual({
      expectedByNow: 5,
      onTrack: false,
      neededPer30Days: 12,
    });
    expect(paceOf(target, 5, '2024-01-16')).toEqual({ expectedByNow: 5, onTrack: true, neededPer30Days: 10 });
  });

  it('is on track once the goal is met, and asks for everything left after the due date', () => {
    expect(paceOf(target, 10, '2024-01-02')).toMatchObject({ onTrack: true, neededPer30Days: 0 });
    expect(paceOf(target, 7, '2024-03-01')).toEqual({
      expectedByNow: 10,
      onTrack: false,
      neededPer30Days: 3,
    });
    expect(paceOf(target, 0, '2023-12-01')).toMatchObject({ expectedByNow: 0, onTrack: true });
  });

  it('gives the demo target (3000 in three years from autumn 2023) its pace on 2024-04-01', () => {
    const demo = { value: 3000, startsOn: '2023-09-01', dueOn: '2026-08-31' };
    // 213 of 1095 days: 583.56 expected; 3000 left over 882 days: 102.04 per 30 days.
    expect(paceOf(demo, 0, '2024-04-01')).toEqual({
      expectedByNow: 583.56,
      onTrack: false,
      neededPer30Days: 102.04,
    });
  });
});
