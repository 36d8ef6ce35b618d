/**
 * The data·inclusion parser on the real La Réunion extract (flattened export): decimal commas,
 * latitudes that lost their sign, services without INSEE code. Skipped without the open-data
 * folder.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommuneIndex } from '../../src/domain/import/commune-index.ts';
import { FRANCE_BOXES, isInBbox } from '../../src/domain/import/coordinates.ts';
import { parseOffer, readDataInclusionStructures } from '../../src/domain/import/offer.ts';
import { loadCog } from './cog.ts';
import { readTableFile } from './files.ts';
import { HAS_OPENDATA, OPENDATA_DIR, SKIP_MESSAGE } from './opendata-dir.ts';

if (!HAS_OPENDATA) console.warn(SKIP_MESSAGE);

describe.skipIf(!HAS_OPENDATA)('data·inclusion, La Réunion extract', () => {
  it('reads every service, repairs the coordinates and groups services by structure and place', () => {
    const dir = join(OPENDATA_DIR, 'data-inclusion/echantillon-reunion');
    const cog = loadCog('974');
    const reunion = FRANCE_BOXES.find((b) => b.name === 'La Réunion')!.box;
    const { sites, report, format } = parseOffer(
      readTableFile(join(dir, 'services-974.json')),
      {
        dep: '974',
        communes: new CommuneIndex(cog.communes, cog.formers),
        bbox: reunion,
        sourceId: 'di',
        idPrefix: 'di',
        inputId: 'di',
        label: 'data·inclusion',
      },
      readDataInclusionStructures(readTableFile(join(dir, 'structures-974.json'))),
    );
    expect(format).toBe('data_inclusion_pilotage');
    expect(report.rowsRead).toBe(2705);
    expect(report.kept + report.rejectedRows + report.ignoredRows).toBe(2705);
    const repairs = new Map(report.repairs.map((g) => [g.code, g.count]));
    expect(repairs.get('latitude_sign')).toBeGreaterThan(2000);
    expect(repairs.get('decimal_comma')).toBeGreaterThan(2000);
    expect(report.kept).toBeGreaterThan(2500);
    expect(sites.length).toBeLessThan(report.kept);
    for (const s of sites) expect(isInBbox(s.lon, s.lat, reunion), s.id).toBe(true);
    expect(new Set(sites.map((s) => s.kind))).toEqual(
      new Set(['action', 'france_travail', 'ccas', 'france_services', 'siae']),
    );
  });
});
