import { describe, expect, it } from 'vitest';
import { SiteCellGrid } from './site-cells.ts';
import { KM_PER_DEGREE } from './travel/geo.ts';

describe('sites counted by cells', () => {
  it('puts sites 100 m apart in one cell at their mean, and sites 5 km apart in two', () => {
    const grid = new SiteCellGrid(1);
    // 50.4005 sits inside one cell row (rows are 1/111.2 degree); 2.8305 inside one column.
    grid.add([2.8301, 2.8309, 2.9], [50.4003, 50.4007, 50.4005]);
    const c = grid.cells();
    expect(c.sites).toBe(3);
    expect([...c.count].sort()).toEqual([1, 2]);
    const two = c.count.indexOf(2);
    expect(c.lon[two]).toBeCloseTo(2.8305, 5);
    expect(c.lat[two]).toBeCloseTo(50.4005, 5);
  });

  it('counts every site with a position once, across several adds, and leaves out the others', () => {
    const grid = new SiteCellGrid(1);
    const lon: number[] = [];
    const lat: number[] = [];
    for (let i = 0; i < 5000; i++) {
      lon.push(1.5 + ((i * 7919) % 1000) / 2000);
      lat.push(50 + ((i * 104729) % 1000) / 2000);
    }
    grid.add(lon.slice(0, 2000), lat.slice(0, 2000));
    grid.add(lon.slice(2000), lat.slice(2000));
    grid.add([NaN, 2], [50, Infinity]);
    const c = grid.cells();
    expect(c.sites).toBe(5000);
    expect(c.count.reduce((a, b) => a + b, 0)).toBe(5000);
    // Half a degree square is about 36 km by 56 km: never more than 37 × 57 cells of 1 km.
    expect(c.count.length).toBeLessThanOrEqual(37 * 57);
    expect(c.count.length).toBeGreaterThan(100);
  });

  it('makes cells square on the ground: 10 km by 10 km of sites fill 100 to 121 cells of 1 km', () => {
    const grid = new SiteCellGrid(1);
    const lat0 = 43;
    const stepLat = 0.25 / KM_PER_DEGREE;
    const stepLon = stepLat / Math.cos((lat0 * Math.PI) / 180);
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 40; j++)
        grid.add([3 + (i + 0.5) * stepLon], [lat0 + (j + 0.5) * stepLat]);
    const c = grid.cells();
    expect(c.sites).toBe(1600);
    // Cells as wide in degrees of longitude as of latitude would be 137 wide here.
    expect(c.count.length).toBeGreaterThanOrEqual(100);
    expect(c.count.length).toBeLessThanOrEqual(121);
  });
});
