import type { PrefetchedTenancyRow } from '../tenancies/prefetch-sql';
import { Park, Unit, Zone } from './space.models';
import { UnitKind, ZoneKind } from './space.enums';

/** Raw row shapes (snake_case, as selected by the services) and their mapping to GraphQL models. */
export interface ParkRow {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  version: number;
}

export interface ZoneRow extends ParkRow {
  park_id: string;
  kind: ZoneKind;
}

export interface UnitRow {
  id: string;
  park_id: string;
  zone_id: string;
  code: string;
  kind: UnitKind;
  building: string | null;
  floor: number | null;
  floor_area: string;
  leasable: boolean;
  unleasable_reason: string | null;
  version: number;
  /** Only when the list read the tenancies ahead (tenancyRowsSql). */
  tenancy_rows?: PrefetchedTenancyRow[];
}

export const toPark = (r: ParkRow): Park => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  version: r.version,
});

export const toZone = (r: ZoneRow): Zone => ({
  id: r.id,
  parkId: r.park_id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  kind: r.kind,
  version: r.version,
});

export const toUnit = (r: UnitRow, asOf?: string): Unit => ({
  id: r.id,
  parkId: r.park_id,
  zoneId: r.zone_id,
  code: r.code,
  kind: r.kind,
  building: r.building,
  floor: r.floor,
  floorArea: Number(r.floor_area),
  leasable: r.leasable,
  unleasableReason: r.unleasable_reason,
  version: r.version,
  asOf,
});
