import { keyOf } from './support/ids';
import { Role } from '../src/modules/access/access.enums';
import { createUserWithToken } from './support/auth';
import { dataOf, errorOf, factories, fieldsOf } from './support/factories';
import { enrol, ENROL, MOVE, MOVE_COHORT, nextIdNumber, person, talentPark } from './support/talent';
import { startTestApp, TestApp } from './support/test-app';

const mask = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;

describe('talent pipeline', () => {
  let t: TestApp;
  let recruiter: string;
  let analyst: string;

  beforeAll(async () => {
    t = await startTestApp();
    recruiter = (
      await createUserWithToken(t.app, t.dataSource, { roles: [Role.RECRUITER], username: 'tp-recruiter' })
    ).authorization;
    analyst = (
      await createUserWithToken(t.app, t.dataSource, { roles: [Role.ANALYST], username: 'tp-analyst' })
    ).authorization;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('status history', () => {
    it('keeps dated history, answers asOf, moves forward only and to WITHDRAWN from any stage', async () => {
      const { cohortId } = await talentPark(t);
      const [a, b] = await enrol(t, cohortId, [person('甲 (test)'), person('乙 (test)')]);
      dataOf(await t.gql(MOVE, { input: { traineeId: a, status: 'IN_TRAINING', on: '2024-02-01' } }));
      dataOf(await t.gql(MOVE, { input: { traineeId: a, status: 'IN_PARK', on: '2024-03-04' } }));
      const back = await t.gql(MOVE, { input: { traineeId: a, status: 'IN_TRAINING', on: '2024-04-01' } });
      expect(fieldsOf(errorOf(back, 'BAD_USER_INPUT'))).toEqual([
        {
          field: 'input.status',
          message: 'cannot move from IN_PARK to IN_TRAINING: stages only move forward (or to WITHDRAWN)',
        },
      ]);
      const early = await t.gql(MOVE, { input: { traineeId: a, status: 'GRADUATED', on: '2024-03-01' } });
      expect(fieldsOf(errorOf(early, 'BAD_USER_INPUT'))[0]!.field).toBe('input.on');
      const noReason = await t.gql(MOVE, { input: { traineeId: b, status: 'WITHDRAWN', on: '2023-10-01' } });
      expect(fieldsOf(errorOf(noReason, 'BAD_USER_INPUT'))[0]!.field).toBe('input.reason');
      dataOf(
        await t.gql(MOVE, { input: { traineeId: b, status: 'WITHDRAWN', on: '2023-10-01', reason: '转学' } }),
      );
      const afterWithdrawal = await t.gql(MOVE, {
        input: { traineeId: b, status: 'IN_TRAINING', on: '2024-02-01' },
      });
      expect(fieldsOf(errorOf(afterWithdrawal, 'BAD_USER_INPUT'))[0]!.message).toMatch(/withdrawn/);

      const read = await t.gql<{
        trainee: {
          statusHistory: { status: string; effectiveOn: string }[];
          jan: string;
          feb: string;
          now: string;
        };
      }>(
        `query($id: ID!) { trainee(id: $id) { statusHistory { status effectiveOn }
           jan: status(asOf: "2024-01-15") feb: status(asOf: "2024-02-01") now: status } }`,
        { id: a },
      );
      expect(dataOf(read).trainee).toEqual({
        statusHistory: [
          { status: 'ENROLLED', effectiveOn: '2023-09-01' },
          { status: 'IN_TRAINING', effectiveOn: '2024-02-01' },
          { status: 'IN_PARK', effectiveOn: '2024-03-04' },
        ],
        jan: 'ENROLLED',
        feb: 'IN_TRAINING',
        now: 'IN_PARK',
      });
    });

    it('places a trainee with employer and position; the employer must be of the park', async () => {
      const { parkCode, cohortId } = await talentPark(t);
      const [a] = await enrol(t, cohortId, [person('丙 (test)')]);
      const other = await factories(t).park();
      const foreign = await factories(t).enterprise({ parkCode: other.code });
      const wrongPark = await t.gql(MOVE, {
        input: {
          traineeId: a,
          status: 'PLACED',
          on: '2026-07-01',
          enterpriseId: foreign.id,
          position: '数字建模师',
        },
      });
      expect(fieldsOf(errorOf(wrongPark, 'BAD_USER_INPUT'))[0]!.field).toBe('input.enterpriseId');
      const employer = await factories(t).enterprise({ parkCode });
      dataOf(
        await t.gql(MOVE, {
          input: {
            traineeId: a,
            status: 'PLACED',
            on: '2026-07-01',
            enterpriseId: employer.id,
            position: '数字建模师',
          },
        }),
      );
      const read = await t.gql<{
        trainee: { currentStatus: { status: string; position: string; enterprise: { id: string } } };
      }>('query($id: ID!) { trainee(id: $id) { currentStatus { status position enterprise { id } } } }', {
        id: a,
      });
      expect(dataOf(read).trainee.currentStatus).toEqual({
        status: 'PLACED',
        position: '数字建模师',
        enterprise: { id: employer.id },
      });
    });
  });

  describe('bulk operations', () => {
    it('enrols all rows or none, reporting every row’s errors with index and field', async () => {
      const { cohortId } = await talentPark(t);
      const good = nextIdNumber();
      const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const before = await t.sql<{ n: number }[]>('SELECT count(*)::int AS n FROM trainee');
      const res = await t.gql(ENROL, {
        input: {
          cohortId,
          enrolledOn: '2023-09-01',
          trainees: [
            person('一 (test)', { idNumber: good }),
            person('二 (test)', { idNumber: badCheck }),
            person('三 (test)', { idNumber: good }),
            person('四 (test)', { phone: '12345' }),
          ],
        },
      });
      // The edge (class-validator) reports every malformed row at once...
      const fields = fieldsOf(errorOf(res, 'BAD_USER_INPUT'));
      expect(fields.map((f) => f.field)).toEqual(['input.trainees.1.idNumber', 'input.trainees.3.phone']);
      expect(fields[0]!.message).toMatch(/wrong check character/);
      // ...then the service every row that clashes with another row or with stored data.
      const clash = await t.gql(ENROL, {
        input: {
          cohortId,
          enrolledOn: '2023-09-01',
          trainees: [
            person('一 (test)', { idNumber: good }),
            person('二'),
            person('三 (test)', { idNumber: good }),
          ],
        },
      });
      expect(fieldsOf(errorOf(clash, 'BAD_USER_INPUT'))).toEqual([
        { field: 'input.trainees.2.idNumber', message: `ID number ${mask(good)} is also given in row 0` },
      ]);
      expect(JSON.stringify(clash.errors)).not.toContain(good);
      expect(JSON.stringify(res.errors)).not.toContain(good);
      const after = await t.sql<{ n: number }[]>('SELECT count(*)::int AS n FROM trainee');
      expect(after).toEqual(before);
    });

    it('answers CONFLICT for an ID number already in the park, masked in the message', async () => {
      const { parkCode, cohortId } = await talentPark(t);
      const id = nextIdNumber();
      await enrol(t, cohortId, [person('五 (test)', { idNumber: id })]);
      const again = await t.gql(
        'mutation($input: CreateTraineeInput!) { createTrainee(input: $input) { id } }',
        { input: { parkCode, name: '五 again', idNumber: id, homeRegion: 'DAZU' } },
        { authorization: recruiter },
      );
      const error = errorOf(again, 'CONFLICT');
      expect(error.message).toContain(mask(id));
      expect(JSON.stringify(again)).not.toContain(id);
      const bulk = await t.gql(ENROL, {
        input: { cohortId, enrolledOn: '2023-09-02', trainees: [person('六', { idNumber: id })] },
      });
      expect(fieldsOf(errorOf(bulk, 'CONFLICT'))).toEqual([
        {
          field: 'input.trainees.0.idNumber',
          message: `a person with ID number ${mask(id)} is already registered in this park`,
        },
      ]);
    });

    it('refuses an invalid check character as BAD_USER_INPUT', async () => {
      const { parkCode } = await talentPark(t);
      const res = await t.gql(
        'mutation($input: CreateTraineeInput!) { createTrainee(input: $input) { id } }',
        { input: { parkCode, name: '七', idNumber: '110105194912310021', homeRegion: 'OTHER' } },
      );
      expect(fieldsOf(errorOf(res, 'BAD_USER_INPUT'))).toEqual([
        { field: 'input.idNumber', message: 'idNumber wrong check character: 1 (GB 11643)' },
      ]);
    });

    it('moves a whole cohort all-or-nothing; withdrawn trainees stay', async () => {
      const { cohortId } = await talentPark(t);
      const [a, b, c] = await enrol(t, cohortId, [
        person('赵 (test)'),
        person('钱 (test)'),
        person('孙 (test)'),
      ]);
      dataOf(
        await t.gql(MOVE, { input: { traineeId: c, status: 'WITHDRAWN', on: '2023-12-01', reason: '退学' } }),
      );
      dataOf(await t.gql(MOVE, { input: { traineeId: b, status: 'IN_PARK', on: '2024-01-10' } }));
      const refused = await t.gql(MOVE_COHORT, {
        input: { cohortId, status: 'IN_TRAINING', on: '2024-02-01' },
      });
      const fields = fieldsOf(errorOf(refused, 'BAD_USER_INPUT'));
      expect(fields).toHaveLength(1);
      expect(fields[0]!.message).toContain(b);
      const events = await t.sql<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM trainee_status_event WHERE trainee_id = ANY($1) AND status = 'IN_TRAINING'`,
        [[a, b, c]],
      );
      expect(events[0]!.n).toBe(0);
      const moved = await t.gql<{ moveCohort: { moved: number; withdrawnSkipped: number } }>(MOVE_COHORT, {
        input: { cohortId, status: 'IN_PARK', on: '2024-03-01' },
      });
      // b is already IN_PARK: still refused as a whole.
      errorOf(moved, 'BAD_USER_INPUT');
      const graduated = await t.gql<{ moveCohort: { moved: number; withdrawnSkipped: number } }>(
        MOVE_COHORT,
        {
          input: { cohortId, status: 'GRADUATED', on: '2024-07-01' },
        },
      );
      expect(dataOf(graduated).moveCohort).toEqual({ moved: 2, withdrawnSkipped: 1 });
    });
  });

  describe('personal data', () => {
    let parkCode: string;
    let cohortId: string;
    let idNumber: string;
    let traineeId: string;
    const LIST = `query($cohortId: ID!) { trainees(filter: { cohortId: $cohortId }) { edges { node { id name idNumber phone status } } } }`;

    beforeAll(async () => {
      ({ parkCode, cohortId } = await talentPark(t));
      idNumber = nextIdNumber();
      [traineeId] = await enrol(t, cohortId, [
        person('陈 (test)', { idNumber, phone: '13812345678' }),
        person('周 (test)'),
        person('吴 (test)'),
      ]);
    });

    it('shows ID numbers and phones in full to RECRUITER, masked to ANALYST, in lists and lookups', async () => {
      const asRecruiter = await t.gql<{
        trainees: { edges: { node: { id: string; idNumber: string; phone: string } }[] };
      }>(LIST, { cohortId }, { authorization: recruiter });
      const mine = dataOf(asRecruiter).trainees.edges.find((e) => e.node.id === traineeId)!.node;
      expect(mine).toMatchObject({ idNumber, phone: '13812345678' });
      const asAnalyst = await t.gql<{
        trainees: { edges: { node: { id: string; idNumber: string; phone: string } }[] };
      }>(LIST, { cohortId }, { authorization: analyst });
      const masked = dataOf(asAnalyst).trainees.edges.find((e) => e.node.id === traineeId)!.node;
      expect(masked).toMatchObject({ idNumber: mask(idNumber), phone: '138****5678' });
      expect(masked.idNumber).toMatch(/^5001\*{10}[0-9X]{4}$/);
      const lookup = await t.gql<{ trainee: { idNumber: string } }>(
        'query($id: ID!) { trainee(id: $id) { idNumber } }',
        { id: traineeId },
        { authorization: analyst },
      );
      expect(dataOf(lookup).trainee.idNumber).toBe(mask(idNumber));
    });

    it('finds a person by the last 4 characters of the ID number or part of the name', async () => {
      const byLast4 = await t.gql<{ trainees: { edges: { node: { id: string } }[] } }>(
        'query($s: String!, $p: String) { trainees(filter: { search: $s, parkCode: $p }) { edges { node { id } } } }',
        { s: idNumber.slice(-4), p: parkCode },
        { authorization: recruiter },
      );
      expect(dataOf(byLast4).trainees.edges.map((e) => e.node.id)).toEqual([traineeId]);
      const byName = await t.gql<{ trainees: { edges: { node: { id: string } }[] } }>(
        'query($s: String!, $p: String) { trainees(filter: { search: $s, parkCode: $p }) { edges { node { id } } } }',
        { s: '陈', p: parkCode },
      );
      expect(dataOf(byName).trainees.edges.map((e) => e.node.id)).toEqual([traineeId]);
    });

    it('audits full reads once per list (never the number itself); masked reads are not audited', async () => {
      const count = async () =>
        (
          await t.sql<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'TraineeIdNumberRead'`,
          )
        )[0]!.n;
      const before = await count();
      dataOf(await t.gql(LIST, { cohortId }, { authorization: recruiter }));
      expect(await count()).toBe(before + 1);
      const [entry] = await t.sql<{ changes: unknown; actor_name: string; operation: string }[]>(
        `SELECT changes, actor_name, operation FROM audit_log WHERE entity_type = 'TraineeIdNumberRead' ORDER BY id DESC LIMIT 1`,
      );
      expect(entry!.actor_name).toBe('tp-recruiter');
      expect(entry!.operation).toBe('trainees');
      // Audit changes hold database values: keys, not global ids.
      expect(JSON.stringify(entry!.changes)).toContain(keyOf(traineeId));
      expect(JSON.stringify(entry!.changes)).not.toContain(idNumber);
      dataOf(await t.gql(LIST, { cohortId }, { authorization: analyst }));
      expect(await count()).toBe(before + 1);
      // Nothing in the audit trail or the table holds the clear number.
      const leaks = await t.sql<{ n: number }[]>(
        `SELECT (SELECT count(*) FROM audit_log WHERE changes::text LIKE '%' || $1 || '%')::int
              + (SELECT count(*) FROM trainee WHERE position($1 in encode(id_number_cipher, 'escape')) > 0)::int AS n`,
        [idNumber],
      );
      expect(leaks[0]!.n).toBe(0);
    });

    it('erases a person on request (ADMIN only) and keeps the counts', async () => {
      const funnel = () =>
        t.gql<{ cohortFunnel: { trainees: number } }>(
          'query($c: ID!) { cohortFunnel(cohortId: $c, asOf: "2024-01-01") { trainees } }',
          { c: cohortId },
        );
      const before = dataOf(await funnel()).cohortFunnel.trainees;
      const refused = await t.gql(
        'mutation($id: ID!) { eraseTrainee(id: $id) { id } }',
        { id: traineeId },
        { authorization: recruiter },
      );
      errorOf(refused, 'FORBIDDEN');
      const erased = await t.gql<{
        eraseTrainee: { name: string; idNumber: string | null; phone: string | null; erased: boolean };
      }>('mutation($id: ID!) { eraseTrainee(id: $id) { name idNumber phone erased } }', { id: traineeId });
      expect(dataOf(erased).eraseTrainee).toEqual({
        name: '(erased)',
        idNumber: null,
        phone: null,
        erased: true,
      });
      expect(dataOf(await funnel()).cohortFunnel.trainees).toBe(before);
      const again = await t.gql(MOVE, { input: { traineeId, status: 'IN_TRAINING', on: '2024-02-01' } });
      errorOf(again, 'CONFLICT');
      // The ID number is free again.
      const reuse = await t.gql(
        'mutation($input: CreateTraineeInput!) { createTrainee(input: $input) { id } }',
        { input: { parkCode, name: 'new', idNumber, homeRegion: 'DAZU' } },
      );
      dataOf(reuse);
    });
  });

  describe('figures', () => {
    it('computes target progress and onTrack on a hand-computed case', async () => {
      const { parkCode, cohortId, programCode } = await talentPark(t);
      const ids = await enrol(
        t,
        cohortId,
        [person('a'), person('b'), person('c'), person('d'), person('e')],
        '2024-01-01',
      );
      for (const id of ids.slice(0, 4))
        dataOf(await t.gql(MOVE, { input: { traineeId: id, status: 'GRADUATED', on: '2024-01-10' } }));
      dataOf(
        await t.gql(
          'mutation($input: CreateTalentTargetInput!) { createTalentTarget(input: $input) { id } }',
          {
            input: {
              parkCode,
              name: '十人毕业',
              metric: 'TRAINEES_GRADUATED',
              programCode,
              value: 10,
              startsOn: '2024-01-01',
              dueOn: '2024-01-31',
            },
          },
        ),
      );
      const res = await t.gql<{ talentTargets: unknown[] }>(
        `query($p: String!) { talentTargets(parkCode: $p, asOf: "2024-01-16") { name value achieved expectedByNow onTrack neededPer30Days dueOn } }`,
        { p: parkCode },
      );
      // 15 of 30 days gone: 5 expected, 4 graduated; 6 left over 15 days = 12 per 30 days.
      expect(dataOf(res).talentTargets).toEqual([
        {
          name: '十人毕业',
          value: 10,
          achieved: 4,
          expectedByNow: 5,
          onTrack: false,
          neededPer30Days: 12,
          dueOn: '2024-01-31',
        },
      ]);
      dataOf(
        await t.gql(MOVE, {
          input: {
            traineeId: ids[4],
            status: 'PLACED',
            on: '2024-01-15',
            enterpriseId: (await factories(t).enterprise({ parkCode })).id,
            position: '设计',
          },
        }),
      );
      const after = await t.gql<{ talentTargets: { achieved: number; onTrack: boolean }[] }>(
        `query($p: String!) { talentTargets(parkCode: $p, asOf: "2024-01-16") { achieved onTrack } }`,
        { p: parkCode },
      );
      expect(dataOf(after).talentTargets).toEqual([{ achieved: 5, onTrack: true }]);
    });

    it('gives funnel counts per stage and conversions, as of a date', async () => {
      const { cohortId, parkCode, programCode } = await talentPark(t);
      const ids = await enrol(
        t,
        cohortId,
        Array.from({ length: 4 }, (_, i) => person(`f${i}`)),
        '2023-09-01',
      );
      dataOf(await t.gql(MOVE_COHORT, { input: { cohortId, status: 'IN_TRAINING', on: '2024-02-01' } }));
      dataOf(await t.gql(MOVE, { input: { traineeId: ids[0], status: 'IN_PARK', on: '2024-03-01' } }));
      dataOf(await t.gql(MOVE, { input: { traineeId: ids[1], status: 'IN_PARK', on: '2024-03-01' } }));
      dataOf(
        await t.gql(MOVE, {
          input: { traineeId: ids[2], status: 'WITHDRAWN', on: '2024-03-05', reason: '病休' },
        }),
      );
      const q = `query($c: ID, $p: String, $k: String, $d: Date) { cohortFunnel(cohortId: $c, programCode: $p, parkCode: $k, asOf: $d) {
        trainees withdrawn stages { status reached current conversion } } }`;
      const res = await t.gql<{ cohortFunnel: unknown }>(q, { c: cohortId, d: '2024-03-10' });
      expect(dataOf(res).cohortFunnel).toEqual({
        trainees: 4,
        withdrawn: 1,
        stages: [
          { status: 'APPLIED', reached: 4, current: 0, conversion: null },
          { status: 'ENROLLED', reached: 4, current: 0, conversion: 1 },
          { status: 'IN_TRAINING', reached: 4, current: 1, conversion: 1 },
          { status: 'IN_PARK', reached: 2, current: 2, conversion: 0.5 },
          { status: 'GRADUATED', reached: 0, current: 0, conversion: 0 },
          { status: 'PLACED', reached: 0, current: 0, conversion: null },
        ],
      });
      const earlier = await t.gql<{ cohortFunnel: { stages: { reached: number }[] } }>(q, {
        p: programCode,
        k: parkCode,
        d: '2023-12-31',
      });
      expect(dataOf(earlier).cohortFunnel.stages.map((s) => s.reached)).toEqual([4, 4, 0, 0, 0, 0]);
      errorOf(await t.gql(q, { d: '2024-01-01' }), 'BAD_USER_INPUT');
    });
  });

  describe('statement counts', () => {
    it('lists trainees as JSON built by PostgreSQL: one statement, the answers of the resolvers, phones masked', async () => {
      const { cohortId } = await talentPark(t);
      await enrol(t, cohortId, [person('郑 (json)', { phone: '13912345678' }), person('王 (json)')]);
      type Page = { trainees: { edges: { node: Record<string, unknown> }[] } };
      const list = (
        extra = '',
      ) => `query($c: ID!) { trainees(first: 10, filter: { cohortId: $c }, asOf: "2024-03-01") {
        edges { node { id name gender birthOn phone homeRegion erased version status cohorts { id code name intakeOn plannedSize } ${extra} } } } }`;
      for (const authorization of [recruiter, analyst]) {
        const fast = await t.queries.measure(() => t.gql<Page>(list(), { c: cohortId }, { authorization }));
        // A field without an SQL form (statusHistory) sends the whole selection the usual way.
        const usual = await t.gql<Page>(list('statusHistory { status }'), { c: cohortId }, { authorization });
        const nodes = dataOf(fast.result).trainees.edges.map((e) => e.node);
        const usualNodes = dataOf(usual).trainees.edges.map(({ node: { statusHistory, ...rest } }) => {
          expect(statusHistory).not.toHaveLength(0);
          return rest;
        });
        expect(nodes).toHaveLength(2);
        expect(nodes).toEqual(usualNodes);
        expect(fast.statements.filter((q) => q.includes("'__sql', true"))).toHaveLength(1);
        const phones = nodes.map((n) => n.phone);
        expect(phones).toContain(authorization === recruiter ? '13912345678' : '139****5678');
      }
    });

    it('does not grow with the length of a list with nested fields', async () => {
      const q = `query($c: ID!) { trainees(first: 50, filter: { cohortId: $c }, asOf: "2024-03-01") { edges { node {
        name idNumber phone status currentStatus { effectiveOn enterprise { name } } statusHistory { status }
        cohorts { code program { code } zone { code } traineeCount } certifications { level } contestEntries { rank contest { name } } } } } }`;
      const counts: number[] = [];
      for (const n of [2, 12]) {
        const { cohortId } = await talentPark(t);
        await enrol(
          t,
          cohortId,
          Array.from({ length: n }, (_, i) => person(`s${n}-${i}`)),
        );
        // Unmeasured first: the caller's principal may have to be loaded again (its cache expires).
        dataOf(await t.gql(q, { c: cohortId }, { authorization: recruiter }));
        const { result, count } = await t.queries.measure(() =>
          t.gql(q, { c: cohortId }, { authorization: recruiter }),
        );
        expect(result.errors).toBeUndefined();
        counts.push(count);
      }
      expect(counts[1]).toBe(counts[0]);
      // The list, status, history, cohorts, program, zone, member count, certificates, entries, contest, employer:
      // one statement each, plus the one audit entry of the full ID numbers shown.
      expect(counts[0]).toBeLessThanOrEqual(14);
    });
  });
});
