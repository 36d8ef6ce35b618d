/**
 * data·inclusion from its API (paged, behind a token) against a local server on 127.0.0.1, then
 * read by the build's parser with the réseaux porteurs → kinds and thématiques → axes mappings;
 * and the files of `--data-inclusion` told apart by their columns.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommuneIndex } from '../../src/domain/import/commune-index.ts';
import { parseOffer, readDataInclusionStructures } from '../../src/domain/import/offer.ts';
import { loadCog } from './cog.ts';
import { downloadDataInclusion } from './download-data-inclusion.ts';
import { readTableFile } from './files.ts';
import { HAS_OPENDATA, SKIP_MESSAGE } from './opendata-dir.ts';
import { dataInclusionFiles } from './steps/sites.ts';

const TOKEN = 'jeton-essai';
/** Items per page of the test server: several pages for every list. */
const SERVER_PAGE = 2;

const structures = [
  { id: 'ccas-arras', nom: "CCAS d'Arras", reseaux_porteurs: ['ccas-cias'], code_insee: '62041' },
  { id: 'ft-lens', nom: 'France Travail Lens', reseaux_porteurs: ['france-travail'] },
  { id: 'asso-calais', nom: 'Atelier mobilité du Calaisis', reseaux_porteurs: [] },
];
const service = (
  id: string,
  structure_id: string,
  thematiques: string[],
  code_insee: string,
  lon: number,
  lat: number,
) => ({
  id,
  structure_id,
  nom: `Service ${id}`,
  thematiques,
  code_insee,
  longitude: lon,
  latitude: lat,
});
const services = [
  service(
    's1',
    'ccas-arras',
    ['acces-aux-droits-et-citoyennete--accompagnement-dans-les-demarches-administratives'],
    '62041',
    2.7775,
    50.291,
  ),
  service(
    's2',
    'ccas-arras',
    ['numerique--acceder-a-une-connexion-internet'],
    '62041',
    2.7775,
    50.291,
  ),
  service(
    's3',
    'ft-lens',
    ['trouver-un-emploi--suivre-ses-candidatures'],
    '62498',
    2.8319,
    50.4322,
  ),
  service('s4', 'asso-calais', ['mobilite--louer-un-vehicule'], '62193', 1.8587, 50.9513),
  service('s5', 'asso-calais', [], '62193', 1.8587, 50.9513),
];

describe('data·inclusion API download', () => {
  let server: Server;
  let base: string;
  let cache: string;
  const requests: string[] = [];

  beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'di-cache-'));
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      requests.push(`${url.pathname}?${url.searchParams}`);
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(401).end();
        return;
      }
      const list =
        url.pathname === '/api/v1/structures'
          ? structures
          : url.pathname === '/api/v1/services'
            ? services
            : null;
      if (!list || url.searchParams.get('code_departement') !== '62') {
        res.writeHead(404).end();
        return;
      }
      const page = Number(url.searchParams.get('page') ?? 1);
      const items = list.slice((page - 1) * SERVER_PAGE, page * SERVER_PAGE);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          items,
          total: list.length,
          page,
          size: items.length,
          pages: Math.ceil(list.length / SERVER_PAGE),
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}/api/v1`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(cache, { recursive: true, force: true });
  });

  it('refuses a bad token with a clear message and writes nothing', async () => {
    await expect(
      downloadDataInclusion({ dep: '62', token: 'faux', cacheDir: cache, baseUrl: base }),
    ).rejects.toThrow(/jeton refusé \(HTTP 401\)/);
  });

  it('reads every page of both lists, then the cache', async () => {
    requests.length = 0;
    const files = await downloadDataInclusion({
      dep: '62',
      token: TOKEN,
      cacheDir: cache,
      baseUrl: base,
    });
    expect(JSON.parse(readFileSync(files.structures, 'utf8'))).toEqual(structures);
    expect(JSON.parse(readFileSync(files.services, 'utf8'))).toEqual(services);
    expect(requests.filter((r) => r.startsWith('/api/v1/structures'))).toHaveLength(2);
    expect(requests.filter((r) => r.startsWith('/api/v1/services'))).toHaveLength(3);
    expect(requests[0]).toContain('exclure_doublons=true');
    requests.length = 0;
    await downloadDataInclusion({ dep: '62', token: TOKEN, cacheDir: cache, baseUrl: base });
    expect(requests).toEqual([]);
    expect(dataInclusionFiles([files.structures, files.services])).toEqual({
      services: [files.services],
      structures: [files.structures],
    });
  });

  it.skipIf(!HAS_OPENDATA)('gives sites of the mapped kinds and axes', () => {
    if (!HAS_OPENDATA) console.warn(SKIP_MESSAGE);
    const dir = join(cache, 'data-inclusion');
    const cog = loadCog('62');
    const { sites, report } = parseOffer(
      readTableFile(join(dir, 'services-62.json')),
      {
        dep: '62',
        communes: new CommuneIndex(cog.communes, cog.formers),
        bbox: [1.3, 50, 3.3, 51.1],
        sourceId: 'di',
        idPrefix: 'di',
        inputId: 'di',
        label: 'data·inclusion',
      },
      readDataInclusionStructures(readTableFile(join(dir, 'structures-62.json'))),
    );
    expect(report.rowsRead).toBe(5);
    expect(report.kept).toBe(5);
    const by = new Map(sites.map((s) => [s.name, s]));
    // One site per structure and place, with the axes of all its services.
    expect(sites).toHaveLength(3);
    expect(by.get("CCAS d'Arras")).toMatchObject({ kind: 'ccas', communeCode: '62041' });
    expect(by.get("CCAS d'Arras")!.axes).toEqual(
      expect.arrayContaining(['accompagnement_social', 'numerique']),
    );
    expect(by.get('France Travail Lens')).toMatchObject({ kind: 'france_travail' });
    expect(by.get('France Travail Lens')!.axes).toContain('mediation_emploi');
    // No known network: an action of the offer, its axis from its thématique.
    expect(by.get('Atelier mobilité du Calaisis')).toMatchObject({ kind: 'action' });
    expect(by.get('Atelier mobilité du Calaisis')!.axes).toContain('mobilite');
  });
});

describe('--data-inclusion files', () => {
  it('refuses a list of files without services', () => {
    const dir = mkdtempSync(join(tmpdir(), 'di-files-'));
    const f = join(dir, 'structures.json');
    writeFileSync(f, JSON.stringify(structures));
    expect(() => dataInclusionFiles([f])).toThrow(/aucun fichier de services/);
    rmSync(dir, { recursive: true, force: true });
  });
});
