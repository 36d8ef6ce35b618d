/**
 * Writes a dataset's artefacts (see data/README.md): one Arrow IPC file per table, the commune
 * TopoJSON and `meta.json`; then refreshes the list of datasets the app offers.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { polygonsBbox, type Bbox } from './bbox.ts';
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import {
  DATASET_TABLES,
  type DatasetEntry,
  type DatasetMeta,
  type DatasetTable,
} from '../../src/domain/model.ts';
import {
  barrierToRow,
  communeToRow,
  encodeTable,
  membershipToRow,
  needToRow,
  siteToRow,
  sourceToRow,
  territoryToRow,
  type TableRow,
} from '../../src/data/tables.ts';

/** Topology quantisation: 1e5 steps across the département, about 1–2 m. */
const QUANTIZATION = 1e5;

const bboxOf = (polygons: Iterable<Polygon | MultiPolygon>) =>
  polygonsBbox(polygons).map((v) => Math.round(v * 1e6) / 1e6) as Bbox;

export function tableRows(bundle: DatasetBundle): Partial<Record<DatasetTable, TableRow[]>> {
  return {
    communes: bundle.communes.map(communeToRow),
    territories: bundle.territories.map(territoryToRow),
    memberships: bundle.memberships.map(membershipToRow),
    sites: bundle.sites.map(siteToRow),
    needs: bundle.needs.map(needToRow),
    barriers: bundle.barriers.map(barrierToRow),
    sources: bundle.meta.sources.map(sourceToRow),
  };
}

/** Every artefact of the dataset as file name → bytes, in a fixed order. */
export function datasetFiles(bundle: DatasetBundle): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const rows = tableRows(bundle);
  const tables: Partial<Record<DatasetTable, string>> = {};
  for (const t of DATASET_TABLES) {
    const r = rows[t];
    if (!r) continue;
    tables[t] = `${t}.arrow`;
    files.set(`${t}.arrow`, encodeTable(t, r));
  }
  const features: Feature<Polygon | MultiPolygon>[] = bundle.communes.map((c) => {
    const geometry = bundle.polygons.get(c.code);
    if (!geometry) throw new Error(`Commune ${c.code} sans contour`);
    // The name travels with the geometry so the map can label and hover before DuckDB is ready.
    return { type: 'Feature', id: c.code, properties: { name: c.name }, geometry };
  });
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  const topo = topology({ communes: fc }, QUANTIZATION);
  files.set('communes.topo.json', new TextEncoder().encode(JSON.stringify(topo)));
  const meta: DatasetMeta = {
    ...bundle.meta,
    bbox: bboxOf(bundle.polygons.values()),
    tables,
    topology: 'communes.topo.json',
  };
  files.set('meta.json', new TextEncoder().encode(JSON.stringify(meta, null, 2) + '\n'));
  return files;
}

/**
 * Writes the dataset's folder: the artefacts of `datasetFiles`, then `files`, the artefacts that
 * build steps produced themselves (reports.json, or a step's own file that meta.json points at).
 */
export function writeDataset(
  bundle: DatasetBundle,
  dataDir: string,
  files: ReadonlyMap<string, Uint8Array> = new Map(),
): string {
  const dir = join(dataDir, bundle.meta.id);
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of datasetFiles(bundle)) writeFileSync(join(dir, name), bytes);
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
  writeManifest(dataDir);
  return dir;
}

/** `datasets.json`: every dataset folder present, the demo first, then by département code. */
export function writeManifest(dataDir: string): DatasetEntry[] {
  const entries: DatasetEntry[] = [];
  for (const name of existsSync(dataDir) ? readdirSync(dataDir) : []) {
    const metaPath = join(dataDir, name, 'meta.json');
    if (!existsSync(metaPath)) continue;
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as DatasetMeta;
    entries.push({
      id: meta.id,
      name: meta.name,
      departement: meta.departement,
      fictional: meta.fictional,
      path: name,
    });
  }
  entries.sort(
    (a, b) =>
      Number(b.fictional) - Number(a.fictional) ||
      a.departement.code.localeCompare(b.departement.code),
  );
  writeFileSync(join(dataDir, 'datasets.json'), JSON.stringify(entries, null, 2) + '\n');
  return entries;
}
