/**
 * The PBF writer and the streamed reader together: a small hand-made extract goes through the
 * file format and comes back as the car profile's ways and nodes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOsmRoads } from './read-osm.ts';
import { writeOsmPbf, type OsmWay } from './write-pbf.ts';

const dir = mkdtempSync(join(tmpdir(), 'osm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OpenStreetMap PBF, written and read back', () => {
  it('keeps the car ways, their nodes, speeds, directions and barriers', async () => {
    const nodes = [
      { id: 10, lon: 2.1, lat: 46.1 },
      { id: 11, lon: 2.11, lat: 46.1, tags: { barrier: 'gate' } },
      { id: 12, lon: 2.12, lat: 46.1 },
      { id: 13, lon: 2.12, lat: 46.11, tags: { barrier: 'bollard' } },
      { id: 14, lon: 2.13, lat: 46.11 },
      { id: 15, lon: 2.2, lat: 46.2 },
      // 2^40 + 1: ids beyond 32 bits survive the round trip.
      { id: 1_099_511_627_777, lon: -1.5, lat: -45.123_456_7 },
    ];
    const ways: OsmWay[] = [
      { id: 1, refs: [10, 11, 12], tags: { highway: 'primary', maxspeed: '50', name: 'Rue É' } },
      { id: 2, refs: [12, 13, 14], tags: { highway: 'residential', oneway: '-1' } },
      { id: 3, refs: [14, 15], tags: { highway: 'footway' } },
      { id: 4, refs: [15, 1_099_511_627_777], tags: { highway: 'service', access: 'private' } },
      { id: 5, refs: [14, 15], tags: { highway: 'track', motor_vehicle: 'yes' } },
    ];
    const file = join(dir, 'petit.osm.pbf');
    writeFileSync(file, writeOsmPbf(nodes, ways, { timestamp: new Date('2026-11-30T00:00:00Z') }));
    const osm = await readOsmRoads(file);
    expect(osm.date).toBe('2026-11-30');
    expect(osm.counts).toEqual({ waysRead: 5, waysKept: 3, nodesKept: 6, nodesMissing: 0 });
    expect([...osm.nodeIds]).toEqual([10, 11, 12, 13, 14, 15]);
    const w = osm.ways;
    expect([...w.forwardKmh]).toEqual([40, 0, 10]);
    expect([...w.backwardKmh]).toEqual([40, 25, 10]);
    expect([...w.nodePenaltySeconds]).toEqual([0, 60, 0, Infinity, 0, 0]);
    expect(w.lon[1]).toBeCloseTo(2.11, 7);
    expect(w.lat[4]).toBeCloseTo(46.11, 7);
    expect([...w.wayNodes]).toEqual([0, 1, 2, 2, 3, 4, 4, 5]);
  });

  it('reads a node whose id is beyond 32 bits, far south and west', async () => {
    const file = join(dir, 'sud.osm.pbf');
    const id = 1_099_511_627_777;
    writeFileSync(
      file,
      writeOsmPbf(
        [
          { id, lon: -1.5, lat: -45.1234567 },
          { id: id + 5, lon: -1.51, lat: -45.1234567 },
        ],
        [{ id: 9, refs: [id, id + 5], tags: { highway: 'tertiary' } }],
      ),
    );
    const osm = await readOsmRoads(file);
    expect(osm.date).toBeNull();
    expect([...osm.nodeIds]).toEqual([id, id + 5]);
    expect(osm.ways.lat[0]).toBeCloseTo(-45.1234567, 7);
    expect(osm.ways.lon[1]).toBeCloseTo(-1.51, 7);
  });
});
