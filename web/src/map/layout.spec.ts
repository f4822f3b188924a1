import { layoutBays } from './layout';

const bay = (
  code: string,
  building: string | null,
  floor: number | null,
  status = 'VACANT',
  floorArea = 100,
) => ({
  id: code,
  code,
  building,
  floor,
  status,
  floorArea,
});

describe('bay map layout', () => {
  it('groups by building, floors from the top down, cells in natural code order', () => {
    const layout = layoutBays([
      bay('B-1-10', 'B', 1),
      bay('A-1-2', 'A', 1),
      bay('A-2-1', 'A', 2, 'OPERATING'),
      bay('A-1-10', 'A', 1, 'FITTING_OUT'),
      bay('X-1', null, null, 'UNAVAILABLE'),
      bay('B-1-9', 'B', 1),
    ]);
    expect(layout.buildings.map((b) => b.building)).toEqual(['A', 'B', null]);
    expect(layout.buildings[0]!.floors.map((f) => f.floor)).toEqual([2, 1]);
    expect(layout.buildings[0]!.floors[1]!.cells.map((c) => c.code)).toEqual(['A-1-2', 'A-1-10']);
    expect(layout.buildings[1]!.floors[0]!.cells.map((c) => c.code)).toEqual(['B-1-9', 'B-1-10']);
    expect(layout.counts).toEqual({ VACANT: 3, OPERATING: 1, FITTING_OUT: 1, UNAVAILABLE: 1 });
    expect(layout.total).toBe(6);
  });

  it('sums areas per floor and in all', () => {
    const layout = layoutBays([bay('A-1', 'A', 1, 'VACANT', 120.5), bay('A-2', 'A', 1, 'VACANT', 80)]);
    expect(layout.buildings[0]!.floors[0]!.area).toBe(200.5);
    expect(layout.totalArea).toBe(200.5);
  });

  it('lays out nothing for no bays', () => {
    expect(layoutBays([])).toEqual({ buildings: [], counts: {}, total: 0, totalArea: 0 });
  });
});
