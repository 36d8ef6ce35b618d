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
  encodeRecords,
  membershipToRow,
  needToRow,
  siteToRow,
  sourceToRow,
  territoryToRow,
} from '../../src/data/tables.ts';

/** Topology quantisation: 1e5 steps across the département, about 1–2 m. */
const QUANTIZATION = 1e5;

const bboxOf = (polygons: Iterable<Polygon | MultiPolygon>) =>
  polygonsBbox(polygons).map((v) => Math.round(v * 1e6) / 1e6) as Bbox;

/** Every table of the dataset as an Arrow IPC stream, by file name (`sites.arrow`…). */
export function encodeTables(bundle: DatasetBundle): Map<string, Uint8Array> {
  const encoded: Partial<Record<DatasetTable, Uint8Array>> = {
    communes: encodeRecords('communes', bundle.communes, communeToRow),
    territories: encodeRecords('territories', bundle.territories, territoryToRow),
    memberships: encodeRecords('memberships', bundle.memberships, membershipToRow),
    sites: encodeRecords('sites', bundle.sites, siteToRow),
    needs: encodeRecords('needs', bundle.needs, needToRow),
    barriers: encodeRecords('barriers', bundle.barriers, barrierToRow),
    sources: encodeRecords('sources', bundle.meta.sources, sourceToRow),
  };
  const files = new Map<string, Uint8Array>();
  for (const t of DATASET_TABLES) {
    const bytes = encoded[t];
    if (bytes) files.set(`${t}.arrow`, bytes);
  }
  return files;
}

/** The `tables` of a meta: the file of each table of `encodeTables`. */
export function tableFiles(tables: ReadonlyMap<string, Uint8Array>): DatasetMeta['tables'] {
  const out: DatasetMeta['tables'] = {};
  for (const t of DATASET_TABLES) if (tables.has(`${t}.arrow`)) out[t] = `${t}.arrow`;
  return out;
}

/**
 * Every artefact of the dataset as file name → bytes, in a fixed order; `tables` when the
 * tables were encoded already (by the first figures' step).
 */
export function datasetFiles(
  bundle: DatasetBundle,
  tables: ReadonlyMap<string, Uint8Array> = encodeTables(bundle),
): Map<string, Uint8Array> {
  const files = new Map(tables);
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
    tables: tableFiles(tables),
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
  tables: ReadonlyMap<string, Uint8Array> = encodeTables(bundle),
): string {
  const dir = join(dataDir, bundle.meta.id);
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of datasetFiles(bundle, tables)) writeFileSync(join(dir, name), bytes);
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
