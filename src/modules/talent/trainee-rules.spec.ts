import { TraineeStatus } from './talent.enums';
import { moveProblem } from './trainee-rules';

describe('trainee status moves', () => {
  const at = (status: TraineeStatus, effective_on = '2024-02-01') => ({ status, effective_on });

  it('allows forward moves, skipping stages, and WITHDRAWN from any stage', () => {
    expect(moveProblem(null, TraineeStatus.APPLIED, '2024-01-01', 's', 'on')).toBeUndefined();
    expect(
      moveProblem(at(TraineeStatus.ENROLLED), TraineeStatus.IN_PARK, '2024-03-01', 's', 'on'),
    ).toBeUndefined();
    for (const s of [TraineeStatus.APPLIED, TraineeStatus.IN_PARK, TraineeStatus.PLACED])
      expect(moveProblem(at(s), TraineeStatus.WITHDRAWN, '2024-02-01', 's', 'on')).toBeUndefined();
  });

  it('refuses backward and repeated moves, anything after WITHDRAWN, and a date before the current status', () => {
    expect(
      moveProblem(at(TraineeStatus.IN_PARK), TraineeStatus.IN_TRAINING, '2024-03-01', 's', 'on')?.message,
    ).toMatch(/only move forward/);
    expect(
      moveProblem(at(TraineeStatus.IN_PARK), TraineeStatus.IN_PARK, '2024-03-01', 's', 'on'),
    ).toBeDefined();
    expect(
      moveProblem(at(TraineeStatus.WITHDRAWN), TraineeStatus.PLACED, '2024-03-01', 's', 'on')?.message,
    ).toMatch(/withdrawn/);
    expect(moveProblem(at(TraineeStatus.ENROLLED), TraineeStatus.IN_PARK, '2024-01-31', 's', 'on')).toEqual({
      field: 'on',
      message: 'is before 2024-02-01, when the trainee became ENROLLED',
    });
  });
});
