import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ENTERPRISE_IMPORT } from '../../enterprises/enterprise.import';
import { MACHINE_IMPORT } from '../../machines/machine.import';
import { INSTITUTION_IMPORT } from '../../partners/institution.import';
import { UNIT_IMPORT } from '../../space/unit.import';
import { TRAINEE_IMPORT } from '../../talent/trainee.import';
import { TENANCY_IMPORT } from '../../tenancies/tenancy.import';
import type { ImportDefinition } from './import-registry';
import { flatten, rowValidator } from './row-validator';

/** Cell values that break (or meet) the rules of every kind of column: types, lengths, ranges, formats, enums. */
const POOL: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x',
  'BAY',
  'SCULPTURE',
  'SICHUAN',
  'RESERVED',
  'CNC_ROUTER',
  'UNIVERSITY',
  'DAZU',
  'MALE',
  '2024-01-18',
  '2024-02-30',
  '18-01-2024',
  '91500111MA5U8YJQ4X',
  '110101199003074514',
  '11010119900307451X',
  '13800001234',
  '+8613800001234',
  '023-6666 1234',
  'a@b.cn',
  'not an email',
  'SN-1',
  'S N',
  'x'.repeat(65),
  'x'.repeat(1001),
  0,
  -4,
  1,
  5,
  12,
  50.25,
  1.234,
  2021,
  1900,
  Number.NaN,
  true,
  false,
];

const VALID: Record<string, Record<string, unknown>> = {
  units: { zoneCode: 'z', code: 'U-1', kind: 'BAY', floorArea: 50 },
  enterprises: {
    name: '石刻',
    creditCode: '91500111MA5U8YJQ4X',
    industry: 'SCULPTURE',
    originProvince: 'SICHUAN',
  },
  tenancies: { unitCode: 'U-1', enterpriseCreditCode: '91500111MA5U8YJQ4X', startsOn: '2024-01-01' },
  machines: {
    serialNumber: 'SN-1',
    ownerCreditCode: '91500111MA5U8YJQ4X',
    type: 'CNC_ROUTER',
    manufacturer: 'm',
    model: 'x',
  },
  trainees: { cohortCode: 'c', enrolledOn: '2024-01-01', name: '甲', homeRegion: 'DAZU' },
  institutions: { name: '四川美术学院', kind: 'UNIVERSITY' },
};

const DEFINITIONS = [
  UNIT_IMPORT,
  ENTERPRISE_IMPORT,
  TENANCY_IMPORT,
  MACHINE_IMPORT,
  TRAINEE_IMPORT,
  INSTITUTION_IMPORT,
];

describe('rowValidator: the row class rules compiled once give what validateSync gives', () => {
  it.each(DEFINITIONS.map((d) => [d.entity, d as unknown as ImportDefinition] as const))(
    '%s: every column × every pool value, the same instance and the same problems in the same order',
    (entity, def) => {
      const fields = def.columns.map((c) => c.field);
      const validator = rowValidator(def.rowClass, fields);
      let compared = 0;
      const check = (plain: Record<string, unknown>) => {
        const slow = plainToInstance(def.rowClass, plain);
        const fast = validator.toRow(plain);
        expect(fast).toEqual(slow);
        expect(Object.getPrototypeOf(fast)).toBe(def.rowClass.prototype);
        expect(validator.problems(fast)).toEqual(
          flatten(validateSync(slow, { whitelist: true, forbidNonWhitelisted: true })),
        );
        compared++;
      };
      check(VALID[entity]!);
      check({});
      check({ ...VALID[entity], unknownColumn: 'x' });
      for (const field of fields) for (const value of POOL) check({ ...VALID[entity], [field]: value });
      expect(compared).toBe(3 + fields.length * POOL.length);
    },
  );

  it('compiles the rules of units, enterprises, tenancies, machines and institutions (the large files)', () => {
    const compiled = DEFINITIONS.filter(
      (d) =>
        rowValidator(
          d.rowClass as new () => object,
          d.columns.map((c) => c.field),
        ).compiled,
    ).map((d) => d.entity);
    expect(compiled).toEqual(expect.arrayContaining(['units', 'enterprises', 'machines', 'institutions']));
  });
});
