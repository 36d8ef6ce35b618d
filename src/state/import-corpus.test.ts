/**
 * The corpus of messy and hostile files (src/domain/import/fixtures/corpus.ts) through the app's
 * import job, as the import worker runs it, on the demo: each file gives its expected report or
 * its refusal. The same table runs through the command line (scripts/opendata) and the browser
 * (src/e2e/import-corpus.e2e.ts).
 */
import { describe, expect, it } from 'vitest';
import { sharedDemo } from '../../scripts/lib/test-fixtures.ts';
import {
  corpusFor,
  corpusMismatches,
  observedOf,
  refusedObservation,
  type CorpusPlace,
} from '../domain/import/fixtures/corpus.ts';
import { runImportJob } from './import-job.ts';

const demo = sharedDemo();
const lons = demo.communes.map((c) => c.lon);
const lats = demo.communes.map((c) => c.lat);
const bbox = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)] as const;
const place: CorpusPlace = { dep: demo.meta.departement.code, communes: demo.communes, bbox };
const dataset = {
  dep: place.dep,
  bbox,
  communes: demo.communes,
  formers: demo.meta.formerCommunes,
  polygons: [...demo.polygons].flatMap(([code, geometry]) =>
    geometry.type === 'Polygon' || geometry.type === 'MultiPolygon' ? [{ code, geometry }] : [],
  ),
  epcis: [],
};

describe('the corpus through the import job', () => {
  it.each(corpusFor(place).map((c) => [c.name, c] as const))('%s', (_, c) => {
    const bytes = c.file(place);
    const outcome = runImportJob(
      { kind: c.kind, fileName: c.fileName, id: 'import-corpus', schemeLabel: 'Corpus' },
      dataset,
      [bytes],
      bytes.length,
    );
    const observed =
      outcome.type === 'done'
        ? observedOf(outcome.content.report)
        : refusedObservation(outcome.message);
    expect(corpusMismatches(c.expected, observed)).toEqual([]);
  });
});
