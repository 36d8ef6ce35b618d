import { describe, expect, it } from 'vitest';
import { decodeTable } from '../data/tables.ts';
import { TEST_BBOX, TEST_COMMUNES, TEST_FORMERS } from '../domain/import/fixtures/communes.ts';
import { ImportRefused } from '../domain/import/report.ts';
import { contentOf, runImportJob, SITES_PER_CHUNK, type ImportProgress } from './import-job.ts';

const dataset = {
  dep: '01',
  bbox: TEST_BBOX,
  communes: TEST_COMMUNES.map((c) => ({ code: c.code, name: c.name, lon: c.lon!, lat: c.lat! })),
  formers: TEST_FORMERS,
  polygons: [],
  epcis: [],
};
const job = { kind: 'offer' as const, fileName: 'offre.csv', id: 'import-x', schemeLabel: '' };

/** The sites of an outcome's chunks, decoded in order. */
async function sitesOf(chunks: readonly Blob[]): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const c of chunks) out.push(...decodeTable(new Uint8Array(await c.arrayBuffer())));
  return out;
}

/** A file's bytes cut in chunks of `size`. */
function chunksOf(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe('an import job, as the worker runs it', () => {
  const rows = Array.from({ length: 12_000 }, (_, i) => `Site ${i};0100${(i % 7) + 1}`);
  const text = ['nom;code_insee', ...rows, 'Fantôme;01050'].join('\n');

  it('reads a file in chunks and tells its progress in rows and bytes', async () => {
    const progress: ImportProgress[] = [];
    const outcome = runImportJob(job, dataset, chunksOf(text, 4096), text.length, (p) =>
      progress.push(p),
    );
    const content = contentOf(outcome);
    // The sites cross over as Arrow bytes, ready for the engine, not as objects, in chunks.
    expect([content.sites.length, content.siteCount]).toEqual([0, 12_000]);
    expect(content.siteChunks).toHaveLength(Math.ceil(12_000 / SITES_PER_CHUNK));
    const sites = await sitesOf(content.siteChunks);
    expect(sites).toHaveLength(12_000);
    expect(sites.at(-1)).toMatchObject({ name: 'Site 11999' });
    expect(sites[0]).toMatchObject({ id: 'import-x-2', name: 'Site 0', commune_code: '01001' });
    // A large import: its sites by cells for the map, made here, off the page.
    expect(content.siteCells?.sites).toBe(12_000);
    // What they add to each commune's figures, for the first figures of a reload: offer sites
    // (kind `action` when the file has no type), capacities unknown.
    expect(new Set(sites.map((s) => s.kind))).toEqual(new Set(['action']));
    const tallies = new Map(content.siteTallies);
    expect([...tallies.keys()].sort()).toEqual([
      '01001',
      '01002',
      '01003',
      '01004',
      '01005',
      '01006',
      '01007',
    ]);
    expect(tallies.get('01001')).toEqual({
      accueil: 0,
      offer: 1715,
      placesKnown: 0,
      unknownCapacity: 1715,
    });
    expect(content.report.rejected.map((r) => r.line)).toEqual([12_002]);
    expect(progress.map((p) => p.rows)).toEqual([5000, 10_000, 12_001]);
    expect(progress.every((p, i) => i === 0 || p.bytes >= progress[i - 1]!.bytes)).toBe(true);
    expect(progress.at(-1)?.bytes).toBe(text.length);
  });

  it('gives the same outcome whatever the chunks', async () => {
    // Blobs compare equal whatever they hold: their sites are compared decoded.
    const run = async (size: number) => {
      const o = runImportJob(job, dataset, chunksOf(text, size), text.length);
      return o.type === 'done' ? { ...o, siteChunks: await sitesOf(o.siteChunks) } : o;
    };
    expect(await run(7)).toEqual(await run(1 << 20));
  });

  it('hands a refusal back with its report, as a plain value that crosses postMessage', () => {
    const outcome = runImportJob(job, dataset, chunksOf('nom;code_insee\nA;01050\n', 10), 24);
    expect(outcome).toMatchObject({
      type: 'refused',
      code: 'nothing_kept',
      message: 'aucune ligne retenue : 1 rejetée(s), voir le rapport',
    });
    expect(structuredClone(outcome)).toEqual(outcome);
    expect(() => contentOf(outcome)).toThrow(ImportRefused);
    const empty = runImportJob(job, dataset, [], 0);
    expect(empty).toEqual({
      type: 'refused',
      code: 'empty_file',
      message: 'fichier vide',
      report: null,
    });
  });

  it('reads data·inclusion services with their structures: the networks give the kinds', async () => {
    const services = JSON.stringify({
      items: [
        {
          id: 's1',
          structure_id: 'ccas',
          nom: 'Accueil',
          thematiques: ['famille'],
          code_insee: '01001',
        },
        {
          id: 's2',
          structure_id: 'mds',
          nom: 'RSA',
          thematiques: ['numerique'],
          code_insee: '01002',
        },
        {
          id: 's3',
          structure_id: 'asso',
          nom: 'Atelier',
          thematiques: ['mobilite'],
          code_insee: '01003',
        },
      ],
      total: 3,
    });
    const structures = JSON.stringify([
      { id: 'ccas', nom: 'CCAS de Test', reseaux_porteurs: ['ccas-cias'] },
      { id: 'mds', nom: 'Maison des solidarités', reseaux_porteurs: ['maisons-des-solidarites'] },
      { id: 'asso', nom: 'Association', reseaux_porteurs: [] },
    ]);
    const run = async (withStructures: boolean) => {
      const outcome = runImportJob(
        {
          ...job,
          fileName: 'services.json',
          structures: withStructures
            ? { fileName: 'structures.json', bytes: new TextEncoder().encode(structures) }
            : null,
        },
        dataset,
        chunksOf(services, 64),
        services.length,
      );
      const content = contentOf(outcome);
      return (await sitesOf(content.siteChunks)).map((r) => `${r.name}:${r.kind}`);
    };
    expect(await run(true)).toEqual([
      'CCAS de Test:ccas',
      'Maison des solidarités:mds',
      'Association:action',
    ]);
    // Without them, no kind can be known: every site is an action of the offer.
    expect(await run(false)).toEqual(['Accueil:action', 'RSA:action', 'Atelier:action']);
  });
});
