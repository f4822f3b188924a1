import { globalId, keyOf } from './support/ids';
import { captureLogs, errorEntries } from './support/logs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '../src/modules/access/access.enums';
import { completeResidentId } from '../src/modules/talent/pii/resident-id';
import { createApiKey, fingerprints, tableCounts } from './support/access';
import { createUserWithToken, TEST_PASSWORD } from './support/auth';
import { dataOf, errorOf, factories, Factories, nextCreditCode, TenancyData } from './support/factories';
import { operationsOf, schemaOf } from './support/operations';
import { LEAD_FIELDS, LeadData, partnerFactories } from './support/partners';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

interface Entry {
  id: string;
  occurredAt: string;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  operation: string;
  entityType: string;
  entityId: string;
  changes: Change[];
  requestId: string | null;
  reason: string | null;
}

interface AuditPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Entry }[];
}

const AUDIT_LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id occurredAt actorKind actorId actorName operation entityType entityId requestId reason
      changes { field before after }
    } }
  }
}`;

let requestCounter = 0;
/** An X-Request-Id the app accepts (8–100 of [A-Za-z0-9._:-]) and no other request of this file sends. */
function newRequestId(operation: string): string {
  requestCounter += 1;
  return `audit-${operation}-${requestCounter}-${Date.now()}`;
}

describe('audit trail', () => {
  let t: TestApp;
  let f: Factories;
  let adminId: string;
  let parkCode: string;
  let zoneCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    const [admin] = await t.sql<{ id: string }[]>("SELECT id FROM app_user WHERE username = 'test-admin'");
    adminId = globalId('User', admin!.id);
    const park = await f.park('audit-park');
    parkCode = park.code;
    zoneCode = (await f.zone(parkCode, 'audit-zone')).code;
  });
  afterAll(async () => {
    await t.close();
  });

  const auditLog = (
    variables: { filter?: Record<string, unknown>; first?: number; after?: string },
    authorization = t.adminAuthorization,
  ) => t.gql<{ auditLog: AuditPage }>(AUDIT_LOG, variables, { authorization });

  /** Every entry of one record, newest first. */
  const entriesOf = async (entityType: string, entityId: string): Promise<Entry[]> =>
    dataOf(await auditLog({ filter: { entityType, entityId }, first: 100 })).auditLog.edges.map(
      (e) => e.node,
    );

  const auditRows = async () => (await tableCounts(t, ['audit_log'])).audit_log!;

  interface Audited<T> {
    res: GqlResponse<T>;
    entry: Entry;
  }

  /**
   * Runs one mutation with its own X-Request-Id and returns the single audit entry written for that request, as
   * auditLog shows it for the record. Fails unless the mutation succeeded and wrote exactly one entry.
   */
  const audited = async <T>(
    operation: string,
    query: string,
    variables: Record<string, unknown>,
    record: (data: T) => { entityType: string; entityId: string },
    authorization = t.adminAuthorization,
  ): Promise<Audited<T>> => {
    const requestId = newRequestId(operation);
    const before = await auditRows();
    const res = await t.gql<T>(query, variables, { authorization, 'x-request-id': requestId });
    const data = dataOf(res);
    expect(await auditRows()).toBe(before + 1);
    const { entityType, entityId } = record(data);
    const entries = (await entriesOf(entityType, entityId)).filter((e) => e.requestId === requestId);
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry).toMatchObject({ operation, entityType, entityId, requestId });
    return { res, entry };
  };

  const byAdmin = (entry: Entry) =>
    expect(entry).toMatchObject({ actorKind: 'USER', actorId: adminId, actorName: 'test-admin' });

  const changeOf = (entry: Entry, field: string) => entry.changes.find((c) => c.field === field);

  describe('each mutation writes one entry', () => {
    /** Operations checked below; compared with the schema so that a new mutation needs an audit test. */
    const CHECKED = [
      'addObligation',
      'advanceLead',
      'advanceTenancyStage',
      'amendContract',
      'applyIncentive',
      'createContract',
      'createIncentivePolicy',
      'recordDepositEvent',
      'recordPayment',
      'terminateContract',
      'changeMyPassword',
      'convertLead',
      'correctTenancyStage',
      'createAgreement',
      'createApiKey',
      'createCohort',
      'createContest',
      'createEnterprise',
      'createInstitution',
      'createLead',
      'createMaintenancePlan',
      'createPark',
      'createRecruitmentEvent',
      'createProgram',
      'createTalentTarget',
      'createTrainee',
      'createUnits',
      'createUser',
      'createZone',
      'disableUser',
      'enableUser',
      'endTenancy',
      'enrolTrainees',
      'eraseTrainee',
      'importSpreadsheet',
      'installMachine',
      'leaseUnits',
      'moveCohort',
      'moveMachine',
      'moveTrainee',
      'recordCertification',
      'recordContestEntries',
      'publishFigure',
      'recordMachineEvents',
      'recordMaintenance',
      'recordObligationProgress',
      'registerMachine',
      'removeMachine',
      'revokeApiKey',
      'setUserPassword',
      'terminateAgreement',
      'updateAgreement',
      'updateEnterprise',
      'updateInstitution',
      'updateLead',
      'updateUnit',
      'updateUser',
      'updateZone',
    ];

    it('checks every mutation of the schema but login', () => {
      const mutations = operationsOf(schemaOf(t.app))
        .filter((op) => op.kind === 'mutation' && op.name !== 'login')
        .map((op) => op.name)
        .sort();
      expect([...CHECKED].sort()).toEqual(mutations);
    });

    it('talent pipeline: one entry per write, never holding a clear ID number or a name', async () => {
      const idNumber = completeResidentId('51202119000615901');
      const all: Entry[] = [];
      const run = async <T>(
        operation: string,
        query: string,
        input: Record<string, unknown>,
        record: (d: T) => { entityType: string; entityId: string },
      ): Promise<T> => {
        const { res, entry } = await audited<T>(operation, query, { input }, record);
        byAdmin(entry);
        all.push(entry);
        return dataOf(res);
      };
      const program = await run<{ createProgram: { id: string } }>(
        'createProgram',
        'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
        { parkCode, code: 'audit-program', name: '审计专业' },
        (d) => ({ entityType: 'Program', entityId: d.createProgram.id }),
      );
      expect(program.createProgram.id).toBeDefined();
      const cohort = (
        await run<{ createCohort: { id: string } }>(
          'createCohort',
          'mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
          {
            parkCode,
            programCode: 'audit-program',
            code: 'audit-cohort',
            name: '审计班',
            intakeOn: '2024-09-01',
            plannedSize: 3,
          },
          (d) => ({ entityType: 'Cohort', entityId: d.createCohort.id }),
        )
      ).createCohort.id;
      const [enrolled] = (
        await run<{ enrolTrainees: { trainees: { id: string }[] } }>(
          'enrolTrainees',
          'mutation($input: EnrolTraineesInput!) { enrolTrainees(input: $input) { trainees { id } } }',
          {
            cohortId: cohort,
            enrolledOn: '2024-09-01',
            trainees: [{ name: '审计学员', idNumber, homeRegion: 'ANYUE' }],
          },
          (d) => ({ entityType: 'Trainee', entityId: d.enrolTrainees.trainees[0]!.id }),
        )
      ).enrolTrainees.trainees.map((x) => x.id);
      const person = (
        await run<{ createTrainee: { id: string } }>(
          'createTrainee',
          'mutation($input: CreateTraineeInput!) { createTrainee(input: $input) { id } }',
          { parkCode, name: '审计工匠', homeRegion: 'DAZU', phone: '13800001234' },
          (d) => ({ entityType: 'Trainee', entityId: d.createTrainee.id }),
        )
      ).createTrainee.id;
      const moved = await run<{ moveTrainee: { id: string } }>(
        'moveTrainee',
        'mutation($input: MoveTraineeInput!) { moveTrainee(input: $input) { id } }',
        { traineeId: enrolled, status: 'WITHDRAWN', on: '2024-10-01', reason: '转学' },
        (d) => ({ entityType: 'Trainee', entityId: d.moveTrainee.id }),
      );
      expect(all.at(-1)!.changes).toEqual(
        expect.arrayContaining([{ field: 'status', before: 'ENROLLED', after: 'WITHDRAWN' }]),
      );
      expect(all.at(-1)!.reason).toBe('转学');
      const other = (
        await run<{ createCohort: { id: string } }>(
          'createCohort',
          'mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
          {
            parkCode,
            programCode: 'audit-program',
            code: 'audit-cohort-2',
            name: '审计二班',
            intakeOn: '2024-09-01',
            plannedSize: 3,
          },
          (d) => ({ entityType: 'Cohort', entityId: d.createCohort.id }),
        )
      ).createCohort.id;
      await run<{ enrolTrainees: { trainees: { id: string }[] } }>(
        'enrolTrainees',
        'mutation($input: EnrolTraineesInput!) { enrolTrainees(input: $input) { trainees { id } } }',
        { cohortId: other, enrolledOn: '2024-09-01', trainees: [{ name: '二班学员', homeRegion: 'OTHER' }] },
        (d) => ({ entityType: 'Trainee', entityId: d.enrolTrainees.trainees[0]!.id }),
      );
      await run<{ moveCohort: { moved: number } }>(
        'moveCohort',
        'mutation($input: MoveCohortInput!) { moveCohort(input: $input) { moved } }',
        { cohortId: other, status: 'IN_TRAINING', on: '2024-10-01' },
        () => ({ entityType: 'Cohort', entityId: other }),
      );
      await run<{ recordCertification: { id: string } }>(
        'recordCertification',
        'mutation($input: RecordCertificationInput!) { recordCertification(input: $input) { id } }',
        {
          traineeId: person,
          occupation: '工艺品雕刻工',
          level: 'LEVEL_4',
          certificateNumber: 'AUDIT-0001',
          issuer: '审计中心',
          issuedOn: '2024-01-01',
        },
        (d) => ({ entityType: 'Certification', entityId: d.recordCertification.id }),
      );
      const contest = (
        await run<{ createContest: { id: string } }>(
          'createContest',
          'mutation($input: CreateContestInput!) { createContest(input: $input) { id } }',
          {
            parkCode,
            name: '审计竞赛',
            level: 'REGIONAL',
            round: '初赛',
            host: '园区',
            startsOn: '2024-05-01',
            endsOn: '2024-05-01',
          },
          (d) => ({ entityType: 'Contest', entityId: d.createContest.id }),
        )
      ).createContest.id;
      await run<{ recordContestEntries: { id: string }[] }>(
        'recordContestEntries',
        'mutation($input: RecordContestEntriesInput!) { recordContestEntries(input: $input) { id } }',
        { contestId: contest, entries: [{ traineeId: person, rank: 1, recommended: true }] },
        () => ({ entityType: 'Contest', entityId: contest }),
      );
      await run<{ createTalentTarget: { id: string } }>(
        'createTalentTarget',
        'mutation($input: CreateTalentTargetInput!) { createTalentTarget(input: $input) { id } }',
        {
          parkCode,
          name: '审计目标',
          metric: 'PEOPLE_CERTIFIED',
          value: 5,
          startsOn: '2024-01-01',
          dueOn: '2025-01-01',
        },
        (d) => ({ entityType: 'TalentTarget', entityId: d.createTalentTarget.id }),
      );
      const { entry: erased } = await audited<{ eraseTrainee: { id: string } }>(
        'eraseTrainee',
        'mutation($id: ID!) { eraseTrainee(id: $id) { id } }',
        { id: person },
        (d) => ({ entityType: 'Trainee', entityId: d.eraseTrainee.id }),
      );
      all.push(erased);
      expect(changeOf(erased, 'erased')).toEqual({ field: 'erased', before: false, after: true });
      expect(moved.moveTrainee.id).toBe(enrolled);
      const text = JSON.stringify(all);
      for (const secret of [
        idNumber,
        idNumber.slice(-4),
        '审计学员',
        '审计工匠',
        '13800001234',
        'AUDIT-0001',
      ])
        expect(text).not.toContain(secret);
    });

    it('createPark: the new row as after, nothing before', async () => {
      const { entry } = await audited<{ createPark: { id: string } }>(
        'createPark',
        'mutation($input: CreateParkInput!) { createPark(input: $input) { id } }',
        { input: { code: 'audited-park', name: '审计园区' } },
        (d) => ({ entityType: 'Park', entityId: d.createPark.id }),
      );
      byAdmin(entry);
      expect(changeOf(entry, 'code')).toEqual({ field: 'code', before: null, after: 'audited-park' });
      expect(changeOf(entry, 'name')).toEqual({ field: 'name', before: null, after: '审计园区' });
      expect(entry.changes.every((c) => c.before === null)).toBe(true);
      expect(entry.changes.map((c) => c.field)).not.toContain('version');
      expect(entry.reason).toBeNull();
    });

    it('publishFigure: the published figure as after, nothing before', async () => {
      const { entry } = await audited<{ publishFigure: { id: string; value: number } }>(
        'publishFigure',
        'mutation($input: PublishFigureInput!) { publishFigure(input: $input) { id value } }',
        {
          input: { measure: 'TOTAL_UNITS', scope: { parkCode }, asOf: '2024-06-30', label: 'audited figure' },
        },
        (d) => ({ entityType: 'PublishedFigure', entityId: d.publishFigure.id }),
      );
      byAdmin(entry);
      expect(changeOf(entry, 'label')).toEqual({ field: 'label', before: null, after: 'audited figure' });
      expect(changeOf(entry, 'measure')).toEqual({ field: 'measure', before: null, after: 'TOTAL_UNITS' });
    });

    it('createZone and updateZone: the changed name with before and after, and nothing else', async () => {
      const created = await audited<{ createZone: { id: string; version: number } }>(
        'createZone',
        'mutation($input: CreateZoneInput!) { createZone(input: $input) { id version } }',
        { input: { parkCode, code: 'audited-zone', name: '旧分区名', kind: 'MARKET' } },
        (d) => ({ entityType: 'Zone', entityId: d.createZone.id }),
      );
      byAdmin(created.entry);
      expect(changeOf(created.entry, 'name')).toEqual({ field: 'name', before: null, after: '旧分区名' });
      const zone = dataOf(created.res).createZone;

      const updated = await audited<{ updateZone: { id: string } }>(
        'updateZone',
        'mutation($input: UpdateZoneInput!) { updateZone(input: $input) { id } }',
        { input: { id: zone.id, version: zone.version, name: '新分区名' } },
        (d) => ({ entityType: 'Zone', entityId: d.updateZone.id }),
      );
      byAdmin(updated.entry);
      expect(updated.entry.changes).toEqual([{ field: 'name', before: '旧分区名', after: '新分区名' }]);
    });

    it('createUnits and updateUnit: floor_area 50 → 60 is recorded as "50.00" → "60.00"', async () => {
      const created = await audited<{ createUnits: { id: string; version: number }[] }>(
        'createUnits',
        'mutation($input: CreateUnitsInput!) { createUnits(input: $input) { id version } }',
        {
          input: {
            parkCode,
            zoneCode,
            units: [{ code: 'AU-001', floorArea: 50, kind: 'BAY', leasable: true }],
          },
        },
        (d) => ({ entityType: 'Unit', entityId: d.createUnits[0]!.id }),
      );
      byAdmin(created.entry);
      expect(changeOf(created.entry, 'code')).toEqual({ field: 'code', before: null, after: 'AU-001' });
      const unit = dataOf(created.res).createUnits[0]!;

      const updated = await audited<{ updateUnit: { id: string } }>(
        'updateUnit',
        'mutation($input: UpdateUnitInput!) { updateUnit(input: $input) { id } }',
        { input: { id: unit.id, version: unit.version, floorArea: 60 } },
        (d) => ({ entityType: 'Unit', entityId: d.updateUnit.id }),
      );
      byAdmin(updated.entry);
      expect(updated.entry.changes).toEqual([{ field: 'floorArea', before: '50.00', after: '60.00' }]);
    });

    it('importSpreadsheet: one entry for the whole file, keyed by its SHA-256, with the row count', async () => {
      const upload = await t.app.inject({
        method: 'POST',
        url: '/import/uploads',
        headers: { 'content-type': 'text/csv', authorization: t.adminAuthorization },
        payload: `zoneCode,code,kind,floorArea\n${zoneCode},AI-001,BAY,50\n${zoneCode},AI-002,BAY,60\n`,
      });
      const { uploadId } = upload.json<{ uploadId: string }>();
      const imported = await audited<{ importSpreadsheet: { sha256: string; written: number } }>(
        'importSpreadsheet',
        'mutation($input: ImportSpreadsheetInput!) { importSpreadsheet(input: $input) { sha256 written } }',
        { input: { entity: 'units', parkCode, uploadId, dryRun: false } },
        (d) => ({ entityType: 'Import', entityId: `units:${d.importSpreadsheet.sha256}` }),
      );
      byAdmin(imported.entry);
      expect(dataOf(imported.res).importSpreadsheet.written).toBe(2);
      expect(changeOf(imported.entry, 'rows')).toEqual({ field: 'rows', before: null, after: 2 });
    });

    it('createEnterprise and updateEnterprise', async () => {
      const creditCode = nextCreditCode();
      const created = await audited<{ createEnterprise: { id: string; version: number } }>(
        'createEnterprise',
        'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id version } }',
        {
          input: {
            parkCode,
            name: '审计石雕企业',
            creditCode,
            industry: 'STONE_CARVING',
            originProvince: 'CHONGQING',
            leading: false,
          },
        },
        (d) => ({ entityType: 'Enterprise', entityId: d.createEnterprise.id }),
      );
      byAdmin(created.entry);
      expect(changeOf(created.entry, 'creditCode')).toEqual({
        field: 'creditCode',
        before: null,
        after: creditCode,
      });
      const enterprise = dataOf(created.res).createEnterprise;

      const updated = await audited<{ updateEnterprise: { id: string } }>(
        'updateEnterprise',
        'mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id } }',
        { input: { id: enterprise.id, version: enterprise.version, name: '审计石雕集团', leading: true } },
        (d) => ({ entityType: 'Enterprise', entityId: d.updateEnterprise.id }),
      );
      byAdmin(updated.entry);
      expect([...updated.entry.changes].sort((x, y) => x.field.localeCompare(y.field))).toEqual([
        { field: 'leading', before: false, after: true },
        { field: 'name', before: '审计石雕企业', after: '审计石雕集团' },
      ]);
    });

    it('createInstitution and updateInstitution: the contact list is part of the record', async () => {
      const created = await audited<{ createInstitution: { id: string; version: number } }>(
        'createInstitution',
        'mutation($input: CreateInstitutionInput!) { createInstitution(input: $input) { id version } }',
        { input: { parkCode, name: '审计院校', kind: 'VOCATIONAL_COLLEGE', contacts: [{ name: '甲' }] } },
        (d) => ({ entityType: 'Institution', entityId: d.createInstitution.id }),
      );
      byAdmin(created.entry);
      expect(changeOf(created.entry, 'name')).toEqual({ field: 'name', before: null, after: '审计院校' });
      const institution = dataOf(created.res).createInstitution;
      const updated = await audited<{ updateInstitution: { id: string } }>(
        'updateInstitution',
        'mutation($input: UpdateInstitutionInput!) { updateInstitution(input: $input) { id } }',
        {
          input: {
            id: institution.id,
            version: institution.version,
            region: '大足',
            contacts: [{ name: '乙' }],
          },
        },
        (d) => ({ entityType: 'Institution', entityId: d.updateInstitution.id }),
      );
      byAdmin(updated.entry);
      expect([...updated.entry.changes].map((c) => c.field).sort()).toEqual(['contacts', 'region']);
      expect(changeOf(updated.entry, 'region')).toEqual({ field: 'region', before: null, after: '大足' });
    });

    describe('partners and recruitment', () => {
      it('agreements and obligations: one entry each, termination with its reason', async () => {
        const pf = partnerFactories(t);
        const institution = await pf.institution(parkCode, '审计协议院校');
        const created = await audited<{ createAgreement: { id: string; version: number } }>(
          'createAgreement',
          'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id version } }',
          {
            input: {
              parkCode,
              title: '审计协议',
              kind: 'INDUSTRY_EDUCATION_BASE',
              signedOn: '2023-01-01',
              startsOn: '2023-01-01',
              institutionIds: [institution.id],
            },
          },
          (d) => ({ entityType: 'Agreement', entityId: d.createAgreement.id }),
        );
        // Changes record database values: keys, not global ids.
        expect(changeOf(created.entry, 'institutionIds')?.after).toEqual([keyOf(institution.id)]);
        const agreement = dataOf(created.res).createAgreement;
        const updated = await audited<{ updateAgreement: { id: string; version: number } }>(
          'updateAgreement',
          'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { id version } }',
          { input: { id: agreement.id, version: agreement.version, endsOn: '2025-12-31' } },
          (d) => ({ entityType: 'Agreement', entityId: d.updateAgreement.id }),
        );
        expect(updated.entry.changes).toEqual([{ field: 'endsOn', before: null, after: '2025-12-31' }]);
        const obligation = await audited<{ addObligation: { id: string; version: number } }>(
          'addObligation',
          'mutation($input: AddObligationInput!) { addObligation(input: $input) { id version } }',
          { input: { agreementId: agreement.id, description: '培养学员', target: 100, dueOn: '2024-12-31' } },
          (d) => ({ entityType: 'Obligation', entityId: d.addObligation.id }),
        );
        const o = dataOf(obligation.res).addObligation;
        const progress = await audited<{ recordObligationProgress: { id: string } }>(
          'recordObligationProgress',
          'mutation($input: RecordObligationProgressInput!) { recordObligationProgress(input: $input) { id } }',
          { input: { id: o.id, version: o.version, progress: 40 } },
          (d) => ({ entityType: 'Obligation', entityId: d.recordObligationProgress.id }),
        );
        expect(changeOf(progress.entry, 'manualProgress')).toEqual({
          field: 'manualProgress',
          before: null,
          after: '40.00',
        });
        const terminated = await audited<{ terminateAgreement: { id: string } }>(
          'terminateAgreement',
          'mutation($input: TerminateAgreementInput!) { terminateAgreement(input: $input) { id } }',
          {
            input: { id: agreement.id, version: agreement.version + 1, on: '2024-06-30', reason: '院校撤出' },
          },
          (d) => ({ entityType: 'Agreement', entityId: d.terminateAgreement.id }),
        );
        expect(terminated.entry.reason).toBe('院校撤出');
      });

      it('events and leads: one entry each; convertLead one for the lead and one per tenancy', async () => {
        const event = await audited<{ createRecruitmentEvent: { id: string } }>(
          'createRecruitmentEvent',
          'mutation($input: CreateRecruitmentEventInput!) { createRecruitmentEvent(input: $input) { id } }',
          { input: { parkCode, kind: 'FORUM', title: '审计座谈会', heldOn: '2023-05-01' } },
          (d) => ({ entityType: 'RecruitmentEvent', entityId: d.createRecruitmentEvent.id }),
        );
        byAdmin(event.entry);
        const created = await audited<{ createLead: LeadData }>(
          'createLead',
          `mutation($input: CreateLeadInput!) { createLead(input: $input) { ${LEAD_FIELDS} } }`,
          { input: { parkCode, name: '审计线索', industry: 'SCULPTURE', createdOn: '2023-05-01' } },
          (d) => ({ entityType: 'Lead', entityId: d.createLead.id }),
        );
        let lead = dataOf(created.res).createLead;
        const updated = await audited<{ updateLead: LeadData }>(
          'updateLead',
          `mutation($input: UpdateLeadInput!) { updateLead(input: $input) { ${LEAD_FIELDS} } }`,
          { input: { id: lead.id, version: lead.version, nextFollowUpOn: '2023-06-01' } },
          (d) => ({ entityType: 'Lead', entityId: d.updateLead.id }),
        );
        expect(updated.entry.changes).toEqual([
          { field: 'nextFollowUpOn', before: null, after: '2023-06-01' },
        ]);
        lead = dataOf(updated.res).updateLead;
        const advanced = await audited<{ advanceLead: LeadData }>(
          'advanceLead',
          `mutation($input: AdvanceLeadInput!) { advanceLead(input: $input) { ${LEAD_FIELDS} } }`,
          { input: { id: lead.id, version: lead.version, stage: 'SIGNED', effectiveOn: '2023-07-01' } },
          (d) => ({ entityType: 'Lead', entityId: d.advanceLead.id }),
        );
        expect(changeOf(advanced.entry, 'stage')).toEqual({ field: 'stage', before: 'NEW', after: 'SIGNED' });
        lead = dataOf(advanced.res).advanceLead;
        await f.units(parkCode, zoneCode, [{ code: 'AL-001' }]);
        const enterprise = await f.enterprise({ parkCode });
        const requestId = newRequestId('convertLead');
        dataOf(
          await t.gql(
            'mutation($input: ConvertLeadInput!) { convertLead(input: $input) { lead { id } } }',
            {
              input: {
                id: lead.id,
                version: lead.version,
                enterpriseId: enterprise.id,
                unitCodes: ['AL-001'],
                startsOn: '2023-08-01',
              },
            },
            { 'x-request-id': requestId },
          ),
        );
        const rows = await t.sql<{ entity_type: string; operation: string }[]>(
          'SELECT entity_type, operation FROM audit_log WHERE request_id = $1 ORDER BY entity_type',
          [requestId],
        );
        expect(rows).toEqual([
          { entity_type: 'Lead', operation: 'convertLead' },
          { entity_type: 'Tenancy', operation: 'convertLead' },
        ]);
      });
    });

    describe('tenancies', () => {
      let enterpriseId: string;
      const lease = async (unitCode: string): Promise<TenancyData> =>
        f.leaseOne({ enterpriseId, parkCode, unitCode, startsOn: '2024-01-01' });

      beforeAll(async () => {
        await f.units(parkCode, zoneCode, [
          { code: 'AT-001' },
          { code: 'AT-002' },
          { code: 'AT-003' },
          { code: 'AT-004' },
        ]);
        enterpriseId = (await f.enterprise({ parkCode })).id;
      });

      it('leaseUnits: one entry per tenancy, with the note as reason', async () => {
        const { entry } = await audited<{ leaseUnits: { id: string }[] }>(
          'leaseUnits',
          'mutation($input: LeaseUnitsInput!) { leaseUnits(input: $input) { id } }',
          {
            input: {
              enterpriseId,
              parkCode,
              unitCodes: ['AT-001'],
              startsOn: '2024-01-01',
              stage: 'RESERVED',
              note: 'contract signed',
            },
          },
          (d) => ({ entityType: 'Tenancy', entityId: d.leaseUnits[0]!.id }),
        );
        byAdmin(entry);
        expect(entry.reason).toBe('contract signed');
        expect(changeOf(entry, 'startsOn')).toEqual({
          field: 'startsOn',
          before: null,
          after: '2024-01-01',
        });
      });

      it('advanceTenancyStage: the stage date with before and after', async () => {
        const tenancy = await lease('AT-002');
        const { entry } = await audited<{ advanceTenancyStage: { id: string } }>(
          'advanceTenancyStage',
          'mutation($input: AdvanceTenancyStageInput!) { advanceTenancyStage(input: $input) { id } }',
          { input: { tenancyId: tenancy.id, stage: 'FITTING_OUT', effectiveOn: '2024-02-01' } },
          (d) => ({ entityType: 'Tenancy', entityId: d.advanceTenancyStage.id }),
        );
        byAdmin(entry);
        expect(changeOf(entry, 'fittingOutFrom')).toEqual({
          field: 'fittingOutFrom',
          before: null,
          after: '2024-02-01',
        });
      });

      it('endTenancy: the end date, and the reason given', async () => {
        const tenancy = await lease('AT-003');
        const { entry } = await audited<{ endTenancy: { id: string } }>(
          'endTenancy',
          'mutation($input: EndTenancyInput!) { endTenancy(input: $input) { id } }',
          { input: { tenancyId: tenancy.id, endsOn: '2024-05-01', reason: 'moved to a bigger hall' } },
          (d) => ({ entityType: 'Tenancy', entityId: d.endTenancy.id }),
        );
        byAdmin(entry);
        expect(entry.reason).toBe('moved to a bigger hall');
        expect(changeOf(entry, 'endsOn')).toEqual({ field: 'endsOn', before: null, after: '2024-05-01' });
      });

      it('correctTenancyStage: the corrected date, and the reason given', async () => {
        const tenancy = await lease('AT-004');
        const { entry } = await audited<{ correctTenancyStage: { id: string } }>(
          'correctTenancyStage',
          'mutation($input: CorrectTenancyStageInput!) { correctTenancyStage(input: $input) { id } }',
          {
            input: {
              tenancyId: tenancy.id,
              stage: 'RESERVED',
              effectiveOn: '2024-01-03',
              reason: 'start date was typed wrongly',
            },
          },
          (d) => ({ entityType: 'Tenancy', entityId: d.correctTenancyStage.id }),
        );
        byAdmin(entry);
        expect(entry.reason).toBe('start date was typed wrongly');
        expect(changeOf(entry, 'startsOn')).toEqual({
          field: 'startsOn',
          before: '2024-01-01',
          after: '2024-01-03',
        });
      });
    });

    describe('users and API keys', () => {
      const USER_FIELDS = 'id username version disabled';
      let target: { id: string; username: string; version: number };

      beforeAll(async () => {
        target = dataOf(
          await t.gql<{ createUser: typeof target }>(
            `mutation($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`,
            {
              input: {
                username: 'audit-target',
                displayName: 'Audit Target',
                password: TEST_PASSWORD,
                roles: ['LEASING'],
                allParks: true,
              },
            },
          ),
        ).createUser;
      });

      const currentVersion = async (id: string) =>
        (await t.sql<{ version: number }[]>('SELECT version FROM app_user WHERE id = $1', [id]))[0]!.version;

      /** No entry may hold a password, its hash or an API key secret. */
      const noSecrets = (entry: Entry, ...secrets: string[]) => {
        const text = JSON.stringify(entry);
        expect(text).not.toMatch(/scrypt\$/);
        for (const secret of secrets) expect(text).not.toContain(secret);
      };

      it('createUser: the new user, without the password', async () => {
        const { entry } = await audited<{ createUser: { id: string } }>(
          'createUser',
          'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
          {
            input: {
              username: 'audit-new-user',
              displayName: 'New User',
              password: 'new-user-password-1',
              roles: ['ANALYST'],
              allParks: true,
            },
          },
          (d) => ({ entityType: 'User', entityId: d.createUser.id }),
        );
        byAdmin(entry);
        expect(entry.changes).toContainEqual({ field: 'username', before: null, after: 'audit-new-user' });
        noSecrets(entry, 'new-user-password-1');
      });

      it('updateUser: the changed display name', async () => {
        const { entry } = await audited<{ updateUser: { id: string } }>(
          'updateUser',
          'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }',
          {
            input: { id: target.id, version: await currentVersion(target.id), displayName: 'Renamed Target' },
          },
          (d) => ({ entityType: 'User', entityId: d.updateUser.id }),
        );
        byAdmin(entry);
        expect(entry.changes).toContainEqual({
          field: expect.stringMatching(/^displayName$/) as unknown as string,
          before: 'Audit Target',
          after: 'Renamed Target',
        });
      });

      it('setUserPassword: that the password changed, never the password', async () => {
        const { entry } = await audited<{ setUserPassword: { id: string } }>(
          'setUserPassword',
          'mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) { id } }',
          { id: target.id, p: 'set-by-admin-password-1' },
          (d) => ({ entityType: 'User', entityId: d.setUserPassword.id }),
        );
        byAdmin(entry);
        expect(entry.changes).toEqual([{ field: 'password', before: 'unchanged', after: 'changed' }]);
        noSecrets(entry, 'set-by-admin-password-1');
      });

      it('changeMyPassword: the user themself as actor', async () => {
        const me = await createUserWithToken(t.app, t.dataSource, {
          roles: [Role.ANALYST],
          username: 'audit-self',
        });
        const { entry } = await audited<{ changeMyPassword: { id: string } }>(
          'changeMyPassword',
          'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) { id } }',
          { c: TEST_PASSWORD, n: 'my-own-new-password-1' },
          (d) => ({ entityType: 'User', entityId: d.changeMyPassword.id }),
          me.authorization,
        );
        expect(entry).toMatchObject({
          actorKind: 'USER',
          actorId: me.id,
          actorName: 'audit-self',
          entityId: me.id,
        });
        noSecrets(entry, 'my-own-new-password-1', TEST_PASSWORD);
      });

      it('disableUser and enableUser: disabled false → true → false', async () => {
        const disabled = await audited<{ disableUser: { id: string } }>(
          'disableUser',
          'mutation($id: ID!) { disableUser(id: $id) { id } }',
          { id: target.id },
          (d) => ({ entityType: 'User', entityId: d.disableUser.id }),
        );
        byAdmin(disabled.entry);
        expect(changeOf(disabled.entry, 'disabled')).toEqual({
          field: 'disabled',
          before: false,
          after: true,
        });
        const enabled = await audited<{ enableUser: { id: string } }>(
          'enableUser',
          'mutation($id: ID!) { enableUser(id: $id) { id } }',
          { id: target.id },
          (d) => ({ entityType: 'User', entityId: d.enableUser.id }),
        );
        byAdmin(enabled.entry);
        expect(changeOf(enabled.entry, 'disabled')).toEqual({
          field: 'disabled',
          before: true,
          after: false,
        });
      });

      it('createApiKey and revokeApiKey: never the secret', async () => {
        const created = await audited<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
          'createApiKey',
          'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }',
          { input: { name: 'audited key' } },
          (d) => ({ entityType: 'ApiKey', entityId: d.createApiKey.apiKey.id }),
        );
        byAdmin(created.entry);
        expect(created.entry.changes).toContainEqual({ field: 'name', before: null, after: 'audited key' });
        const { secret, apiKey } = dataOf(created.res).createApiKey;
        noSecrets(created.entry, secret, secret.split('.')[1]!);

        const revoked = await audited<{ revokeApiKey: { id: string } }>(
          'revokeApiKey',
          'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
          { id: apiKey.id },
          (d) => ({ entityType: 'ApiKey', entityId: d.revokeApiKey.id }),
        );
        byAdmin(revoked.entry);
        const change = revoked.entry.changes.find((c) => /^revoked_?at$/i.test(c.field));
        expect(change?.before).toBeNull();
        expect(Date.parse(String(change?.after))).not.toBeNaN();
      });
    });

    describe('contracts', () => {
      it('policies, contracts, amendments, incentives, payments, deposits and termination: one entry each', async () => {
        const [unit] = await f.units(parkCode, zoneCode, [{ code: 'AC-001', floorArea: 100 }]);
        const tenant = await f.enterprise({ parkCode, leading: true, industry: 'SCULPTURE' });
        const [tenancy] = await f.lease({
          enterpriseId: tenant.id,
          parkCode,
          unitCodes: [unit!.code],
          startsOn: '2024-01-01',
        });
        const policy = await audited<{ createIncentivePolicy: { id: string } }>(
          'createIncentivePolicy',
          'mutation($input: CreateIncentivePolicyInput!) { createIncentivePolicy(input: $input) { id } }',
          {
            input: {
              parkCode,
              name: 'audit policy',
              kind: 'DISCOUNT',
              discountPercent: '50',
              months: 12,
              requiresLeading: true,
            },
          },
          (d) => ({ entityType: 'IncentivePolicy', entityId: d.createIncentivePolicy.id }),
        );
        byAdmin(policy.entry);
        const created = await audited<{ createContract: { id: string; version: number } }>(
          'createContract',
          'mutation($input: CreateContractInput!) { createContract(input: $input) { id version } }',
          {
            input: {
              parkCode,
              number: 'AUDIT-HT-1',
              enterpriseId: tenant.id,
              tenancyIds: [tenancy!.id],
              startsOn: '2024-01-01',
              endsOn: '2026-01-01',
              rentBasis: 'PER_SQUARE_METRE',
              rate: '25.00',
              paymentCycle: 'MONTHLY',
              signedOn: '2023-12-20',
            },
          },
          (d) => ({ entityType: 'Contract', entityId: d.createContract.id }),
        );
        const id = dataOf(created.res).createContract.id;
        expect(changeOf(created.entry, 'number')).toEqual({
          field: 'number',
          before: null,
          after: 'AUDIT-HT-1',
        });
        const amended = await audited<{ amendContract: { id: string } }>(
          'amendContract',
          'mutation($input: AmendContractInput!) { amendContract(input: $input) { id } }',
          {
            input: {
              contractId: id,
              version: dataOf(created.res).createContract.version,
              effectiveFrom: '2024-07-01',
              recordedOn: '2024-06-01',
              rate: '24.00',
              note: 'audit amendment',
            },
          },
          () => ({ entityType: 'Contract', entityId: id }),
        );
        expect(changeOf(amended.entry, 'rate')).toEqual({ field: 'rate', before: '25.00', after: '24.00' });
        expect(amended.entry.reason).toBe('audit amendment');
        await audited(
          'applyIncentive',
          'mutation($input: ApplyIncentiveInput!) { applyIncentive(input: $input) { id } }',
          {
            input: {
              contractId: id,
              policyId: dataOf(policy.res).createIncentivePolicy.id,
              recordedOn: '2024-06-01',
            },
          },
          () => ({ entityType: 'Contract', entityId: id }),
        );
        const paid = await audited<{ recordPayment: { id: string } }>(
          'recordPayment',
          'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
          { input: { contractId: id, amount: '1000', receivedOn: '2024-01-05', method: 'BANK_TRANSFER' } },
          (d) => ({ entityType: 'Payment', entityId: d.recordPayment.id }),
        );
        expect(changeOf(paid.entry, 'amount')?.after).toBe('1000.00');
        const deposit = await audited(
          'recordDepositEvent',
          'mutation($input: RecordDepositEventInput!) { recordDepositEvent(input: $input) { id } }',
          { input: { contractId: id, kind: 'RECEIVED', amount: '5000', occurredOn: '2023-12-20' } },
          () => ({ entityType: 'Contract', entityId: id }),
        );
        expect(changeOf(deposit.entry, 'depositHeld')).toEqual({
          field: 'depositHeld',
          before: '0.00',
          after: '5000.00',
        });
        const terminated = await audited(
          'terminateContract',
          'mutation($input: TerminateContractInput!) { terminateContract(input: $input) { id } }',
          {
            input: {
              contractId: id,
              on: '2025-01-01',
              reason: 'audit termination',
              recordedOn: '2024-12-01',
            },
          },
          () => ({ entityType: 'Contract', entityId: id }),
        );
        expect(terminated.entry.reason).toBe('audit termination');
      });
    });

    describe('machines', () => {
      it('register, install, move, remove, plans and maintenance: one entry each; a batch of events one entry', async () => {
        const [unitA, unitB] = await f.units(parkCode, zoneCode, [{ code: 'AM-001' }, { code: 'AM-002' }]);
        const owner = await f.enterprise({ parkCode });
        await f.lease({
          enterpriseId: owner.id,
          parkCode,
          unitCodes: [unitA!.code, unitB!.code],
          startsOn: '2024-01-01',
        });
        const { entry: registered, res } = await audited<{
          registerMachine: { id: string; serialNumber: string };
        }>(
          'registerMachine',
          'mutation($input: RegisterMachineInput!) { registerMachine(input: $input) { id serialNumber } }',
          {
            input: {
              parkCode,
              ownerEnterpriseId: owner.id,
              serialNumber: 'AUDIT-M-1',
              type: 'BRIDGE_SAW',
              manufacturer: '审计机械',
              model: 'QJ-1',
            },
          },
          (d) => ({ entityType: 'Machine', entityId: d.registerMachine.id }),
        );
        byAdmin(registered);
        expect(changeOf(registered, 'serialNumber')).toEqual({
          field: 'serialNumber',
          before: null,
          after: 'AUDIT-M-1',
        });
        const machineId = dataOf(res).registerMachine.id;
        const placement = (operation: string, type: string, input: Record<string, unknown>) =>
          audited<Record<string, { id: string }>>(
            operation,
            `mutation($input: ${type}!) { ${operation}(input: $input) { id } }`,
            { input: { machineId, ...input } },
            (d) => ({ entityType: 'MachinePlacement', entityId: d[operation]!.id }),
          );
        await placement('installMachine', 'InstallMachineInput', { unitCode: 'AM-001', on: '2024-02-01' });
        // A move changes two rows: the placement it closes and the one it opens, one entry each, same request.
        const moveId = newRequestId('moveMachine');
        const beforeMove = await auditRows();
        const moved = await t.gql<{ moveMachine: { id: string } }>(
          'mutation($input: MoveMachineInput!) { moveMachine(input: $input) { id } }',
          { input: { machineId, unitCode: 'AM-002', on: '2024-03-01' } },
          { 'x-request-id': moveId },
        );
        expect(await auditRows()).toBe(beforeMove + 2);
        const opened = await entriesOf('MachinePlacement', dataOf(moved).moveMachine.id);
        expect(opened.filter((e) => e.requestId === moveId)).toHaveLength(1);
        const [{ n: closedEntries }] = await t.sql<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1 AND changes @> \'[{"field": "untilOn", "after": "2024-03-01"}]\'',
          [moveId],
        );
        expect(closedEntries).toBe(1);
        const { entry: removed } = await placement('removeMachine', 'RemoveMachineInput', {
          on: '2024-04-01',
          reason: 'sold',
        });
        expect(removed.reason).toBe('sold');
        expect(changeOf(removed, 'untilOn')).toEqual({
          field: 'untilOn',
          before: null,
          after: '2024-04-01',
        });
        const { res: planned } = await audited<{ createMaintenancePlan: { id: string } }>(
          'createMaintenancePlan',
          'mutation($input: CreateMaintenancePlanInput!) { createMaintenancePlan(input: $input) { id } }',
          { input: { machineId, task: 'blade check', everyDays: 60, startsOn: '2024-02-01' } },
          (d) => ({ entityType: 'MaintenancePlan', entityId: d.createMaintenancePlan.id }),
        );
        await audited<{ recordMaintenance: { id: string } }>(
          'recordMaintenance',
          'mutation($input: RecordMaintenanceInput!) { recordMaintenance(input: $input) { id } }',
          {
            input: {
              machineId,
              planId: dataOf(planned).createMaintenancePlan.id,
              performedOn: '2024-03-15',
              workDone: 'blade check',
              performedBy: '维修站',
            },
          },
          (d) => ({ entityType: 'MaintenanceRecord', entityId: d.recordMaintenance.id }),
        );
        const requestId = newRequestId('recordMachineEvents');
        const before = await auditRows();
        const events = Array.from({ length: 20 }, (_, i) => ({
          serialNumber: 'AUDIT-M-1',
          at: new Date(Date.parse('2024-02-01T08:00:00+08:00') + i * 3_600_000).toISOString(),
          status: i % 2 ? 'IDLE' : 'RUNNING',
        }));
        dataOf(
          await t.gql(
            'mutation($events: [MachineEventInput!]!) { recordMachineEvents(events: $events) { accepted } }',
            { events },
            { 'x-request-id': requestId },
          ),
        );
        expect(await auditRows()).toBe(before + 1);
        const [batch] = await entriesOf('MachineEvents', requestId);
        expect(batch).toMatchObject({ operation: 'recordMachineEvents', requestId });
        expect(changeOf(batch!, 'accepted')).toEqual({ field: 'accepted', before: null, after: 20 });
      });
    });
  });

  describe('auditLog', () => {
    let zone: { id: string; version: number };
    let leasing: { username: string; authorization: string };
    /** Every entry of the zone, newest first, as auditLog lists them with a large page. */
    let all: Entry[];

    beforeAll(async () => {
      const created = dataOf(
        await t.gql<{ createZone: typeof zone }>(
          'mutation($input: CreateZoneInput!) { createZone(input: $input) { id version } }',
          { input: { parkCode, code: 'paged-zone', name: '分页分区0', kind: 'MARKET' } },
        ),
      ).createZone;
      zone = created;
      leasing = await createUserWithToken(t.app, t.dataSource, {
        roles: [Role.LEASING],
        username: 'audit-leasing',
      });
      const update = async (i: number, authorization = t.adminAuthorization) => {
        await sleep(5); // distinct occurredAt, even at millisecond precision
        const res = await t.gql<{ updateZone: { version: number } }>(
          'mutation($input: UpdateZoneInput!) { updateZone(input: $input) { version } }',
          { input: { id: zone.id, version: zone.version, name: `分页分区${i}` } },
          { authorization },
        );
        zone.version = dataOf(res).updateZone.version;
      };
      for (let i = 1; i <= 4; i++) await update(i);
      await update(5, leasing.authorization);
      await update(6);
      all = await entriesOf('Zone', zone.id);
    });

    it('lists the entries of a record newest first', () => {
      expect(all.map((e) => e.operation)).toEqual([...Array(6).fill('updateZone'), 'createZone']);
      const ids = all.map((e) => Number(keyOf(e.id)));
      expect(ids).toEqual([...ids].sort((x, y) => y - x));
      expect(new Set(ids).size).toBe(7);
      const times = all.map((e) => Date.parse(e.occurredAt));
      expect(times).toEqual([...times].sort((x, y) => y - x));
      expect(all[0]!.changes).toEqual([{ field: 'name', before: '分页分区5', after: '分页分区6' }]);
    });

    it('pages with first/after: every entry once, in order, with totalCount and hasNextPage', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      const pages: { size: number; hasNextPage: boolean; totalCount: number }[] = [];
      for (let guard = 0; guard < 10; guard++) {
        const page = dataOf(
          await auditLog({ filter: { entityType: 'Zone', entityId: zone.id }, first: 3, after }),
        ).auditLog;
        pages.push({
          size: page.edges.length,
          hasNextPage: page.pageInfo.hasNextPage,
          totalCount: page.totalCount,
        });
        seen.push(...page.edges.map((e) => e.node.id));
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
      }
      expect(pages).toEqual([
        { size: 3, hasNextPage: true, totalCount: 7 },
        { size: 3, hasNextPage: true, totalCount: 7 },
        { size: 1, hasNextPage: false, totalCount: 7 },
      ]);
      expect(seen).toEqual(all.map((e) => e.id));
    });

    it('filters by entityType alone', async () => {
      const page = dataOf(await auditLog({ filter: { entityType: 'Zone' }, first: 100 })).auditLog;
      expect(page.edges.every((e) => e.node.entityType === 'Zone')).toBe(true);
      expect(page.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(all.map((e) => e.id)));
      expect(page.totalCount).toBeGreaterThan(all.length);
    });

    it('filters by actor', async () => {
      const byLeasing = dataOf(
        await auditLog({ filter: { entityId: zone.id, actor: leasing.username }, first: 100 }),
      ).auditLog;
      expect(byLeasing.totalCount).toBe(1);
      expect(byLeasing.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({ actorName: leasing.username, operation: 'updateZone', id: all[1]!.id }),
      ]);
      const byAdminPage = dataOf(
        await auditLog({ filter: { entityId: zone.id, actor: 'test-admin' }, first: 100 }),
      ).auditLog;
      expect(byAdminPage.edges.map((e) => e.node.id)).toEqual(all.filter((_, i) => i !== 1).map((e) => e.id));
      const nobody = dataOf(await auditLog({ filter: { actor: 'no-such-actor' }, first: 100 })).auditLog;
      expect(nobody).toMatchObject({ totalCount: 0, edges: [] });
    });

    it('filters by time: from is inclusive, to is exclusive', async () => {
      const pivot = all[3]!;
      const ids = async (filter: Record<string, unknown>) =>
        dataOf(await auditLog({ filter: { entityId: zone.id, ...filter }, first: 100 })).auditLog.edges.map(
          (e) => e.node.id,
        );
      expect(await ids({ from: pivot.occurredAt })).toEqual(all.slice(0, 4).map((e) => e.id));
      expect(await ids({ to: pivot.occurredAt })).toEqual(all.slice(4).map((e) => e.id));
      expect(await ids({ from: all[5]!.occurredAt, to: all[1]!.occurredAt })).toEqual(
        all.slice(2, 6).map((e) => e.id),
      );
    });

    it('refuses a cursor it did not issue', async () => {
      errorOf(await auditLog({ first: 2, after: 'not-a-cursor' }), 'BAD_USER_INPUT');
    });

    it('is for administrators only', async () => {
      const analyst = await createUserWithToken(t.app, t.dataSource, { roles: [Role.ANALYST] });
      const key = await createApiKey(t, 'audit reader');
      for (const authorization of [leasing.authorization, analyst.authorization, key.authorization]) {
        const res = await auditLog({ first: 1 }, authorization);
        errorOf(res, 'FORBIDDEN');
        expect(res.data ?? null).toBeNull();
      }
      errorOf(await auditLog({ first: 1 }, ''), 'UNAUTHENTICATED');
    });

    it('shows a park-scoped administrator the entries of its parks only', async () => {
      const other = await f.park('audit-other-park');
      const otherZone = await f.zone(other.code, 'other-zone');
      const scopedAdmin = await createUserWithToken(t.app, t.dataSource, {
        roles: [Role.ADMIN],
        parks: [parkCode],
      });
      const visible = dataOf(
        await auditLog({ filter: { entityId: zone.id }, first: 100 }, scopedAdmin.authorization),
      ).auditLog;
      expect(visible.totalCount).toBe(all.length);
      const hidden = dataOf(
        await auditLog({ filter: { entityId: otherZone.id }, first: 100 }, scopedAdmin.authorization),
      ).auditLog;
      expect(hidden).toMatchObject({ totalCount: 0, edges: [] });
      expect((await entriesOf('Zone', otherZone.id)).length).toBe(1);
    });
  });

  describe('the trail cannot be changed', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of audit_log to the app role (no right) and to the owner (trigger)', async () => {
      const before = await fingerprints(t);
      expect(await auditRows()).toBeGreaterThan(0);
      const last = 'UPDATE audit_log SET actor_name = $1 WHERE id = (SELECT max(id) FROM audit_log)';
      const asApp = (sql: string, params?: unknown[]) => t.sql(sql, params);
      const asOwner = (sql: string, params?: unknown[]) => t.ownerQuery(sql, params);
      // The app role has no such right at all; the owner has, and the append-only trigger still refuses.
      for (const [query, refused] of [
        [asApp, /permission denied for table audit_log/],
        [asOwner, /append-only/],
      ] as const) {
        await expect(query("UPDATE audit_log SET reason = 'tampered'")).rejects.toThrow(refused);
        await expect(query(last, ['someone else'])).rejects.toThrow(refused);
        await expect(query('DELETE FROM audit_log')).rejects.toThrow(refused);
        await expect(query('TRUNCATE audit_log')).rejects.toThrow(refused);
      }
      expect(await fingerprints(t)).toEqual(before);
    });
  });

  describe('no change without its audit entry', () => {
    const failingAudit = async (operation: string, body: () => Promise<void>) => {
      // Only the owner may alter the table; the app role cannot (database-roles.e2e-spec.ts).
      await t.ownerQuery(
        `ALTER TABLE audit_log ADD CONSTRAINT test_fail CHECK (operation <> '${operation}') NOT VALID`,
      );
      try {
        // The failed insert is an unexpected error for the app: logged at error level, with the constraint.
        const { entries } = await captureLogs(body);
        expect(errorEntries(entries).map((e) => JSON.stringify(e))).toEqual([
          expect.stringContaining('test_fail'),
        ]);
      } finally {
        await t.ownerQuery('ALTER TABLE audit_log DROP CONSTRAINT test_fail');
      }
    };

    it('rolls back updateZone when its audit entry cannot be written', async () => {
      const zone = await f.zone(parkCode, 'rollback-zone');
      const read = async () =>
        (
          await t.sql<{ name: string; version: number; updated_at: Date }[]>(
            'SELECT name, version, updated_at FROM zone WHERE id = $1',
            [zone.id],
          )
        )[0]!;
      const before = await read();
      const update = () =>
        t.gql<{ updateZone: { name: string; version: number } }>(
          'mutation($input: UpdateZoneInput!) { updateZone(input: $input) { name version } }',
          { input: { id: zone.id, version: before.version, name: '不该保存的名字' } },
        );
      const auditBefore = await auditRows();
      await failingAudit('updateZone', async () => {
        const res = await update();
        expect(res.errors).toHaveLength(1);
        expect(res.data ?? null).toBeNull();
        expect(JSON.stringify(res)).not.toContain('test_fail');
      });
      expect(await read()).toEqual(before);
      expect(await auditRows()).toBe(auditBefore);
      const zoneNow = dataOf(
        await t.gql<{ park: { zones: { id: string; name: string; version: number }[] } }>(
          'query($p: String!) { park(code: $p) { zones { id name version } } }',
          { p: parkCode },
        ),
      ).park.zones.find((z) => z.id === zone.id);
      expect(zoneNow).toEqual({ id: zone.id, name: before.name, version: before.version });

      // With the constraint gone the same update goes through and is audited.
      const res = await update();
      expect(dataOf(res).updateZone).toEqual({ name: '不该保存的名字', version: before.version + 1 });
      expect(await auditRows()).toBe(auditBefore + 1);
    });

    it('creates none of the units of createUnits when their audit entries cannot be written', async () => {
      const counts = await tableCounts(t, ['unit', 'audit_log']);
      await failingAudit('createUnits', async () => {
        const res = await f.createUnitsRaw(parkCode, zoneCode, [{ code: 'RB-001' }, { code: 'RB-002' }]);
        expect(res.errors).toHaveLength(1);
      });
      expect(await tableCounts(t, ['unit', 'audit_log'])).toEqual(counts);
    });
  });
});
