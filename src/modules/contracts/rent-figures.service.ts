import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserInputError } from '../../common/errors/app-error';
import { percentHalfUp } from '../../common/percent';
import { addDays, addMonths } from './contract-dates';
import { money } from './contract.mappers';
import { AgingBuckets, CollectionRate, ParkRent, ReceivablesAging, RentRollEntry } from './figures.models';
import { formatFen, frac, mul, parseDecimal, roundHalfUp, toFen } from './money';
import { AGING_SQL, billInScopeSql, owedOnSql, RENT_ROLL_SQL } from './rent-sql';

interface RollRow {
  unit_code: string;
  zone_code: string;
  floor_area: number;
  area: string;
  contract_id: string;
  contract_number: string;
  enterprise_name: string;
  ends_on: string;
  monthly: string;
  rent_free: boolean;
}

/** A park (or zone) on a date: what ParkOverview describes. */
export interface RentScope {
  parkId: string;
  zoneId: string | null;
  asOf: string;
}

export const rentKey = (s: RentScope): string => JSON.stringify([s.parkId, s.zoneId, s.asOf]);

/** Money per m², half-up to the fen (0.00 when there is no area). */
function perSquareMetre(totalFen: bigint, area: string): string {
  const a = parseDecimal(area);
  if (a.num === 0n) return '0.00';
  return formatFen(roundHalfUp(mul(frac(totalFen), { num: a.den, den: a.num })));
}

const buckets = (r: { d0: string; d31: string; d61: string; d90: string; total: string }): AgingBuckets => ({
  days0to30: money(r.d0),
  days31to60: money(r.d31),
  days61to90: money(r.d61),
  over90: money(r.d90),
  total: money(r.total),
});

/** Rent figures, each one SQL aggregate over bills, allocations and contract versions (never stored numbers). */
@Injectable()
export class RentFiguresService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async aging(parkId: string, zoneId: string | null, asOf: string): Promise<ReceivablesAging> {
    const rows = await this.db.query<
      {
        enterprise_id: string;
        enterprise_name: string;
        d0: string;
        d31: string;
        d61: string;
        d90: string;
        total: string;
      }[]
    >(AGING_SQL, [parkId, zoneId, asOf]);
    const sum = (k: 'd0' | 'd31' | 'd61' | 'd90' | 'total') =>
      formatFen(rows.reduce((n, r) => n + toFen(r[k]), 0n));
    return {
      asOf,
      rows: rows.map((r) => ({
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        buckets: buckets(r),
      })),
      totals: buckets({
        d0: sum('d0'),
        d31: sum('d31'),
        d61: sum('d61'),
        d90: sum('d90'),
        total: sum('total'),
      }),
    };
  }

  async rentRoll(parkId: string, zoneId: string | null, asOf: string): Promise<RentRollEntry[]> {
    const rows = await this.db.query<RollRow[]>(`${RENT_ROLL_SQL} ORDER BY z.code, u.code`, [
      parkId,
      zoneId,
      asOf,
    ]);
    return rows.map((r) => ({
      unitCode: r.unit_code,
      zoneCode: r.zone_code,
      floorArea: r.floor_area,
      contractId: r.contract_id,
      contractNumber: r.contract_number,
      enterpriseName: r.enterprise_name,
      endsOn: r.ends_on,
      monthlyRent: money(r.monthly),
      rentPerSquareMetre: perSquareMetre(toFen(r.monthly), r.area),
      rentFree: r.rent_free,
    }));
  }

  async collectionRate(
    parkId: string,
    zoneId: string | null,
    from: string,
    to: string,
  ): Promise<CollectionRate> {
    if (to < from) throw UserInputError.field('to', 'must be on or after from');
    const [row] = await this.db.query<{ billed: string; collected: string }[]>(
      `SELECT coalesce(sum(b.amount), 0)::text AS billed, coalesce(sum(b.amount - ${owedOnSql('b', '$4::date')}), 0)::text AS collected
       FROM contract_bill b WHERE b.park_id = $1 AND ${billInScopeSql('b')} AND b.due_on BETWEEN $3 AND $4`,
      [parkId, zoneId, from, to],
    );
    const billed = toFen(row.billed);
    const collected = toFen(row.collected);
    return {
      from,
      to,
      billed: formatFen(billed),
      collected: formatFen(collected),
      rate: billed === 0n ? 1 : Number(collected) / Number(billed),
      percent: billed === 0n ? '100.0' : percentHalfUp(Number(collected), Number(billed)),
    };
  }

  /** Batch for ParkOverview.rent: a few statements per distinct scope (one ParkOverview is one scope). */
  async parkRent(keys: readonly string[]): Promise<ParkRent[]> {
    return Promise.all(
      keys.map(async (key) => {
        const [parkId, zoneId, asOf] = JSON.parse(key) as [string, string | null, string];
        const [roll] = await this.db.query<{ monthly: string; area: string; rent_free: number }[]>(
          `SELECT coalesce(sum(r.monthly::numeric), 0)::text AS monthly, coalesce(sum(r.area::numeric), 0)::text AS area,
                  count(*) FILTER (WHERE r.rent_free)::int AS rent_free
           FROM (${RENT_ROLL_SQL}) r`,
          [parkId, zoneId, asOf],
        );
        const [billed] = await this.db.query<{ effective: string; arrears: string }[]>(
          `SELECT round(coalesce(sum(b.rent_amount / b.cycle_months) FILTER (WHERE b.period_start <= $3 AND b.period_end > $3), 0), 6)::text AS effective,
                  coalesce(sum(${owedOnSql('b', '$3::date')}) FILTER (WHERE b.due_on < $3), 0)::text AS arrears
           FROM contract_bill b WHERE b.park_id = $1 AND ${billInScopeSql('b')} AND (b.due_on < $3 OR b.period_start <= $3)`,
          [parkId, zoneId, asOf],
        );
        const effectiveFen = roundHalfUp(mul(parseDecimal(billed.effective), frac(100n)));
        return {
          contractedMonthlyRent: money(roll.monthly),
          effectiveRentPerSquareMetre: perSquareMetre(effectiveFen, roll.area),
          rentFreeUnits: roll.rent_free,
          collectionRate: await this.collectionRate(parkId, zoneId, addDays(addMonths(asOf, -12), 1), asOf),
          arrears: money(billed.arrears),
        };
      }),
    );
  }
}
