/**
 * The floor: the fastest page this design allows, measured next to the app in the same run. It
 * loads the same files (the dataset's Arrow tables and its TopoJSON), draws the communes with the
 * same libraries (MapLibre with the app's inline style, deck.gl), and computes the same first
 * figures in plain JavaScript (plain-figures.ts): no DuckDB, as a peer that bundles its data as
 * JSON does (issue 14's floor). It shows the département's figures and the classes, sets the
 * app's timing marks (but `app:db-ready`, having no engine), and does nothing else.
 *
 * URL parameters: `d` dataset id (default: the first listed), `w` and `h` the map size in CSS
 * pixels (the benchmark passes the size of the app's map, since software WebGL costs per pixel).
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { decodeTable } from '../../src/data/tables.ts';
import type { DatasetEntry, DatasetMeta } from '../../src/domain/model.ts';
import { BACKGROUND_COLOR } from '../../src/map/colors.ts';
import { plainFirstFigures } from './plain-figures.ts';

const params = new URLSearchParams(location.search);

async function fetchOk(path: string): Promise<Response> {
  const res = await fetch(`data/${path}`);
  if (!res.ok) throw new Error(`data/${path}: HTTP ${res.status}`);
  return res;
}
const fetchJson = async <T>(path: string) => (await fetchOk(path)).json() as Promise<T>;
const fetchBytes = async (path: string) =>
  new Uint8Array(await (await fetchOk(path)).arrayBuffer());

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
  const entries = await fetchJson<DatasetEntry[]>('datasets.json');
  const entry = entries.find((e) => e.id === params.get('d')) ?? entries[0];
  if (!entry) throw new Error('no dataset listed in data/datasets.json');
  const meta = await fetchJson<DatasetMeta>(`${entry.path}/meta.json`);
  const topology = fetchJson<Topology>(`${entry.path}/${meta.topology}`);
  drawMap(meta, topology);

  // Every table the app loads is fetched, as the app does; those the figures read are decoded.
  const bytes = new Map(
    await Promise.all(
      Object.values(meta.tables).map(
        async (file) => [file, await fetchBytes(`${entry.path}/${file}`)] as const,
      ),
    ),
  );
  const table = (name: 'communes' | 'memberships' | 'needs' | 'sites') => {
    const file = meta.tables[name];
    const b = file ? bytes.get(file) : undefined;
    return b ? decodeTable(b) : [];
  };
  const schemeId = meta.schemes.some((s) => s.id === 'pti') ? 'pti' : (meta.schemes[0]?.id ?? '');
  const figures = plainFirstFigures(
    {
      communes: table('communes'),
      memberships: table('memberships'),
      needs: table('needs'),
      sites: table('sites'),
    },
    schemeId,
    meta.defaultNeed,
    5,
  );
  const fr = (n: number | null) => (n === null ? '–' : n.toLocaleString('fr-FR'));
  const t = figures.total;
  (document.getElementById('figure') as HTMLElement).textContent =
    `${fr(t.population)} habitants · ${fr(t.needKnown)} · ${t.accueilSites} accueils · ` +
    `${fr(t.offerPlacesKnown)} places · classes ${figures.classes?.breaks.map(fr).join(' / ') ?? '–'}`;
  performance.mark('app:figures');
}

main().catch((e: unknown) => {
  const figure = document.getElementById('figure') as HTMLElement;
  figure.textContent = `Erreur : ${String(e)}`;
  figure.dataset.benchError = '';
  throw e;
});
