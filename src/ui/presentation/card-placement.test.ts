import { describe, expect, it } from 'vitest';
import { cornerBox, leastHiddenCorner, projectPoint } from './card-placement.ts';

const area = { width: 1000, height: 600 };
const card = { width: 400, height: 200 };

describe('card placement', () => {
  it('projects the camera centre to the middle of the map and east to the right', () => {
    const cam = { lon: 2.35, lat: 48.85, zoom: 8 };
    expect(projectPoint(2.35, 48.85, cam, area)).toEqual([500, 300]);
    const [x, y] = projectPoint(3.35, 48.85, cam, area);
    // One degree of longitude at zoom 8: 512 × 256 / 360 pixels.
    expect(x - 500).toBeCloseTo((512 * 256) / 360, 6);
    expect(y).toBeCloseTo(300, 6);
    expect(projectPoint(2.35, 49.85, cam, area)[1]).toBeLessThan(300);
  });

  it('gives the boxes of the corners inside the map', () => {
    expect(cornerBox('bottom-left', area, card, 10)).toEqual({
      left: 10,
      top: 390,
      right: 410,
      bottom: 590,
    });
    expect(cornerBox('top-right', area, card, 10)).toEqual({
      left: 590,
      top: 10,
      right: 990,
      bottom: 210,
    });
  });

  it('prefers the bottom left, and leaves it when the territory lies there', () => {
    expect(leastHiddenCorner([[500, 300]], area, card, 10)).toBe('bottom-left');
    const southWest: [number, number][] = [
      [100, 500],
      [200, 450],
      [300, 550],
    ];
    expect(leastHiddenCorner(southWest, area, card, 10)).toBe('bottom-right');
    // The whole bottom half full: a top corner.
    const bottom: [number, number][] = [...southWest, [700, 500], [900, 560]];
    expect(leastHiddenCorner(bottom, area, card, 10)).toBe('top-left');
  });

  it('weighs the places when asked to', () => {
    const pts: [number, number][] = [
      [100, 500],
      [900, 500],
    ];
    // A card as tall as the map: the left or the right side, whichever weighs less.
    const tall = { width: 400, height: 580 };
    expect(leastHiddenCorner(pts, area, tall, 10, [1, 50])).toBe('bottom-left');
    expect(leastHiddenCorner(pts, area, tall, 10, [50, 1])).toBe('bottom-right');
    expect(leastHiddenCorner(pts, area, tall, 10)).toBe('bottom-left');
  });
});
