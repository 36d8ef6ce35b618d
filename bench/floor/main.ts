/**
 * The floor: the fastest page this design allows, measured next to the app in the same run. It
 * loads the same files with the same libraries (MapLibre with the app's inline style, deck.gl
 * drawing the communes of the same TopoJSON, DuckDB-WASM from the same bundled wasm loading the
 * same Arrow tables), runs the app's aggregate query once, shows its total, and does nothing
 * else. It sets the app's timing marks, so the benchmark reads both pages the same way.
 *
 * URL parameters: `d` dataset id (default: the first listed), `w` and `h` the map size in CSS
 * pixels (the benchmark passes the size of the app's map, since software WebGL costs per pixel).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { GeoJsonLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Db, SqlValue } from '../../src/data/db.ts';
import { loadDatasetTables } from '../../src/data/load-dataset.ts';
import { territoryAggregates } from '../../src/data/queries/territories.ts';
import { arrowToRows } from '../../src/data/tables.ts';
import { ACCUEIL_KINDS, type DatasetEntry, type DatasetMeta } from '../../src/domain/model.ts';
import { BACKGROUND_COLOR } from '../../src/map/colors.ts';

const params = new URLSearchParams(location.search);
const absolute = (url: string) => new URL(url, document.baseURI).href;

async function fetchOk(path: string): Promise<Response> {
  const res = await fetch(`data/${path}`);
  if (!res.ok) throw new Error(`data/${path}: HTTP ${res.status}`);
  return res;
}
const fetchJson = async <T>(path: string) => (await fetchOk(path)).json() as Promise<T>;
const fetchBytes = async (path: string) =>
  new Uint8Array(await (await fetchOk(path)).arrayBuffer());

async function startEngine(): Promise<duckdb.AsyncDuckDBConnection> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: absolute(mvpWasm), mainWorker: absolute(mvpWorker) },
    eh: { mainModule: absolute(ehWasm), mainWorker: absolute(ehWorker) },
  });
  const db = new duckdb.AsyncDuckDB(
    new duckdb.VoidLogger(),
    new Worker(bundle.mainWorker as string),
  );
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  return db.connect();
}

/** The least a `Db` can be, so that the app's own query function runs unchanged. */
function minimalDb(conn: duckdb.AsyncDuckDBConnection): Db {
  return {
    async query<T extends object>(sql: string, values: readonly SqlValue[] = []) {
      const stmt = await conn.prepare(sql);
      try {
        return arrowToRows(await stmt.query(...values)) as T[];
      } finally {
        await stmt.close();
      }
    },
    insertArrow: async (name, ipc) => {
      await conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    close: () => conn.close(),
  };
}

function drawMap(meta: DatasetMeta, topology: Promise<Topology>): void {
  const container = document.getElementById('map') as HTMLDivElement;
  container.style.width = params.has('w') ? `${Number(params.get('w'))}px` : '100vw';
  container.style.height = params.has('h') ? `${Number(params.get('h'))}px` : '100vh';
  maplibregl.setWorkerUrl(workerUrl);
  const map = new maplibregl.Map({
    container,
    style: {
      version: 8,
      sources: {},
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
      ],
    },
    bounds: meta.bbox,
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
  });
  let hasLayers = false;
  const overlay = new MapboxOverlay({
    interleaved: false,
    layers: [],
    onAfterRender: () => {
      if (hasLayers && performance.getEntriesByName('app:first-paint').length === 0) {
        performance.mark('app:first-paint');
      }
    },
  });
  map.addControl(overlay);
  void topology.then((topo) => {
    const communes = topo.objects.communes as GeometryCollection;
    const fc = feature(topo, communes) as FeatureCollection<Polygon | MultiPolygon>;
    hasLayers = true;
    overlay.setProps({
      layers: [
        new GeoJsonLayer<Feature>({
          id: 'communes',
          data: fc.features,
          filled: true,
          stroked: false,
          getFillColor: [123, 204, 196, 235],
        }),
      ],
    });
  });
}

async function main(): Promise<void> {
  // As in the app, the engine compiles while the rest loads.
  const engine = startEngine();
  const entries = await fetchJson<DatasetEntry[]>('datasets.json');
  const entry = entries.find((e) => e.id === params.get('d')) ?? entries[0];
  if (!entry) throw new Error('no dataset listed in data/datasets.json');
  const meta = await fetchJson<DatasetMeta>(`${entry.path}/meta.json`);
  const topology = fetchJson<Topology>(`${entry.path}/${meta.topology}`);
  drawMap(meta, topology);

  const files = Object.values(meta.tables);
  const bytes = new Map(
    await Promise.all(
      files.map(async (file) => [file, await fetchBytes(`${entry.path}/${file}`)] as const),
    ),
  );
  const db = minimalDb(await engine);
  // The tables and views the app's queries read, created as the app does.
  await loadDatasetTables(db, meta, (file) => Promise.resolve(bytes.get(file) as Uint8Array));
  performance.mark('app:db-ready');

  const schemeId = meta.schemes.some((s) => s.id === 'pti') ? 'pti' : (meta.schemes[0]?.id ?? '');
  const aggregates = await territoryAggregates(db, {
    schemeId: schemeId || 'commune',
    needId: meta.defaultNeed,
    accueilKinds: ACCUEIL_KINDS,
  });
  const population = aggregates.reduce((sum, a) => sum + a.population, 0);
  (document.getElementById('figure') as HTMLElement).textContent =
    population.toLocaleString('fr-FR');
  performance.mark('app:figures');
}

main().catch((e: unknown) => {
  const figure = document.getElementById('figure') as HTMLElement;
  figure.textContent = `Erreur : ${String(e)}`;
  figure.dataset.benchError = '';
  throw e;
});
