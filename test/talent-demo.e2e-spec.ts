import { residentIdProblem } from '../src/modules/talent/pii/resident-id';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { dataOf } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const TALENT = `query ($asOf: Date) {
  parkOverview(parkCode: "dazu-carving-park", asOf: $asOf) {
    talent {
      traineesEnrolled traineesByStatus { status count } certifiedByLevel { level count } contestFinalists
      targets { name value achieved dueOn onTrack expectedByNow neededPer30Days }
    }
  }
}`;

interface Talent {
  parkOverview: {
    talent: {
      traineesEnrolled: number;
      traineesByStatus: { status: string; count: number }[];
      certifiedByLevel: { level: string; count: number }[];
      contestFinalists: number;
      targets: { name: string; value: number; achieved: number; dueOn: string; onTrack: boolean }[];
    };
  };
}

describe('demo talent pipeline (article figures 6, 7, 8, 13, 14)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    expect(await seedDemoIfEmpty(t.dataSource)).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const talent = async (asOf: string) => dataOf(await t.gql<Talent>(TALENT, { asOf })).parkOverview.talent;

  it('has the first cohort of 156 enrolled and in training on 2024-02-01, 38 intermediate carvers, 27 finalists', async () => {
    const f = await talent('2024-02-01');
    expect(f.traineesEnrolled).toBe(156);
    expect(f.traineesByStatus).toEqual([{ status: 'IN_TRAINING', count: 156 }]);
    expect(f.certifiedByLevel).toEqual([{ level: 'LEVEL_4', count: 38 }]);
    expect(f.contestFinalists).toBe(27);
    expect(f.targets).toEqual([
      expect.objectContaining({ value: 3000, achieved: 0, dueOn: '2026-08-31', onTrack: false }),
    ]);
  });

  it('moves the cohort into the park through March 2024', async () => {
    expect((await talent('2024-03-12')).traineesByStatus).toEqual([
      { status: 'IN_TRAINING', count: 78 },
      { status: 'IN_PARK', count: 78 },
    ]);
    expect((await talent('2024-04-01')).traineesByStatus).toEqual([{ status: 'IN_PARK', count: 156 }]);
    expect((await talent('2023-08-31')).traineesEnrolled).toBe(0);
  });

  it('has the cohort delivered by 荷马教育 and 重庆健康职业学院, with its funnel', async () => {
    const res = await t.gql<{
      cohorts: { id: string; plannedSize: number; traineeCount: number; institutions: { name: string }[] }[];
    }>(
      `{ cohorts(parkCode: "dazu-carving-park", programCode: "digital-creative") {
           id plannedSize traineeCount institutions { name } } }`,
    );
    const [cohort] = dataOf(res).cohorts;
    expect(cohort).toMatchObject({ plannedSize: 156, traineeCount: 156 });
    expect(cohort!.institutions.map((i) => i.name).sort()).toEqual(['荷马教育', '重庆健康职业学院'].sort());
    const funnel = await t.gql<{
      cohortFunnel: { stages: { status: string; reached: number; conversion: number | null }[] };
    }>(
      'query($c: ID!) { cohortFunnel(cohortId: $c, asOf: "2024-03-12") { stages { status reached conversion } } }',
      { c: cohort!.id },
    );
    expect(dataOf(funnel).cohortFunnel.stages.slice(1, 4)).toEqual([
      { status: 'ENROLLED', reached: 156, conversion: 1 },
      { status: 'IN_TRAINING', reached: 156, conversion: 1 },
      { status: 'IN_PARK', reached: 78, conversion: 0.5 },
    ]);
  });

  it('marks every demo person as illustrative, with ID numbers valid by checksum and clearly fake 1900 birth dates', async () => {
    const res = await t.gql<{
      trainees: {
        totalCount: number;
        edges: { node: { name: string; idNumber: string; birthOn: string } }[];
      };
    }>(
      '{ trainees(first: 100, filter: { parkCode: "dazu-carving-park" }) { totalCount edges { node { name idNumber birthOn } } } }',
    );
    const { totalCount, edges } = dataOf(res).trainees;
    expect(totalCount).toBe(156 + 38);
    for (const { node } of edges) {
      expect(node.name).toMatch(/\(示例\)$/);
      expect(residentIdProblem(node.idNumber)).toBeUndefined();
      expect(node.birthOn.startsWith('1900-')).toBe(true);
    }
  });
});
