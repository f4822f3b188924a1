/** A bay of the map as the units query gives it. */
export interface BayInput {
  id: string;
  code: string;
  building?: string | null;
  floor?: number | null;
  floorArea: number;
  status: string;
  enterpriseId?: string | null;
}

export interface BayFloor<T extends BayInput> {
  floor: number | null;
  cells: T[];
  area: number;
}

export interface BayBuilding<T extends BayInput> {
  building: string | null;
  floors: BayFloor<T>[];
}

export interface BayLayout<T extends BayInput> {
  buildings: BayBuilding<T>[];
  counts: Record<string, number>;
  total: number;
  totalArea: number;
}

/** Compares bay codes as people read them: `A-2` before `A-10`. */
export const byCode = new Intl.Collator('en', { numeric: true }).compare;

/**
 * The 租控表 layout: bays grouped by building (by name, bays without one last), each building's floors from the
 * top down as on a drawing of the building, cells in code order along the floor. Counts are by status.
 */
export function layoutBays<T extends BayInput>(bays: readonly T[]): BayLayout<T> {
  const buildings = new Map<string | null, Map<number | null, T[]>>();
  const counts: Record<string, number> = {};
  let totalArea = 0;
  for (const bay of bays) {
    const building = bay.building ?? null;
    const floor = bay.floor ?? null;
    const floors = buildings.get(building) ?? new Map<number | null, T[]>();
    buildings.set(building, floors);
    floors.set(floor, [...(floors.get(floor) ?? []), bay]);
    counts[bay.status] = (counts[bay.status] ?? 0) + 1;
    totalArea += bay.floorArea;
  }
  const nullsLast = <K>(a: K | null, b: K | null, cmp: (a: K, b: K) => number) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : cmp(a, b);
  return {
    buildings: [...buildings.entries()]
      .sort(([a], [b]) => nullsLast(a, b, byCode))
      .map(([building, floors]) => ({
        building,
        floors: [...floors.entries()]
          .sort(([a], [b]) => nullsLast(a, b, (x, y) => y - x))
          .map(([floor, cells]) => ({
            floor,
            cells: [...cells].sort((a, b) => byCode(a.code, b.code)),
            area: cells.reduce((sum, c) => sum + c.floorArea, 0),
          })),
      })),
    counts,
    total: bays.length,
    totalArea,
  };
}

/** Statuses in the order of the legend, with their colours (light enough for dark text: WCAG AA contrast). */
export const STATUS_COLOURS: Record<string, string> = {
  VACANT: '#f0f0f0',
  RESERVED: '#ffe58f',
  FITTING_OUT: '#91caff',
  OPERATING: '#95de64',
  UNAVAILABLE: '#d9d9d9',
};
