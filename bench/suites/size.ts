/**
 * Transfer size of the built site (dist/), raw and gzip, by kind: app code, libraries, the DuckDB
 * wasm modules, data. Then the public site (dist-public/) as one département publishes it: the
 * app and a single dataset. Target (from the product's benchmark brief): the public build at
 * most 3 MB gzip without the DuckDB wasm.
 */
import { distDir, ensureBuilt, ensurePublicBuilt, publicDistDir } from '../lib/build.ts';
import {
  isMvpOnly,
  measureFiles,
  total,
  type FileSize,
  type SizeCategory,
  type SizeTotal,
} from '../lib/sizes.ts';
import { makeRow } from '../lib/stats.ts';
import type { BenchRow, BenchSuite } from '../lib/types.ts';

const SUITE = 'size';
const KB = 1000;
/** 3 MB gzip, in kB. */
const PUBLIC_BUILD_TARGET_KB = 3000;

interface Part {
  metric: string;
  files: FileSize[];
  target?: number;
  note?: string;
  /** Also the bytes sent by a host serving the build's precompressed Brotli copies. */
  served?: boolean;
}

/** Two rows per part: gzip then raw; three with the precompressed copies first. */
function rowsOf(part: Part): BenchRow[] {
  const t: SizeTotal = total(part.files);
  const common = { suite: SUITE, ...(part.note ? { note: part.note } : {}) };
  return [
    ...(part.served
      ? [
          makeRow({
            ...common,
            metric: `${part.metric} (Brotli précompressé)`,
            unit: 'ko',
            values: [t.servedBytes / KB],
          }),
        ]
      : []),
    makeRow({
      ...common,
      metric: `${part.metric} (gzip)`,
      unit: 'ko',
      values: [t.gzipBytes / KB],
      ...(part.target !== undefined ? { target: part.target } : {}),
    }),
    makeRow({ ...common, metric: `${part.metric} (brut)`, unit: 'ko', values: [t.rawBytes / KB] }),
  ];
}

const suite: BenchSuite = {
  name: SUITE,
  async run() {
    await ensureBuilt();
    const files = measureFiles(distDir);
    const of = (...categories: SizeCategory[]) =>
      files.filter((f) => categories.includes(f.category));
    const datasets = [
      ...new Set(files.map((f) => f.category).filter((c) => c.startsWith('data:'))),
    ].sort((a, b) => (a === 'data:demo' ? -1 : b === 'data:demo' ? 1 : a.localeCompare(b)));
    const unclassified = of('unclassified');
    const withoutWasm = files.filter((f) => !f.category.startsWith('wasm-'));

    const parts: Part[] = [
      {
        metric: "code de l'application",
        files: of('app'),
        note: 'Nos modules (index-*.js, index-*.css) et index.html.',
      },
      { metric: 'MapLibre GL (JS, CSS, worker)', files: of('maplibre') },
      { metric: 'deck.gl et luma.gl', files: of('deckgl') },
      {
        metric: 'DuckDB-WASM, JS (module et workers)',
        files: of('duckdb-js'),
        note:
          'Le build contient les deux workers DuckDB (eh et mvp) ; Chromium ne charge que eh ' +
          '(« une visite »). Apache Arrow compris.',
      },
      {
        metric: 'autres bibliothèques (Svelte, topojson, turf…)',
        files: of('other-libs'),
      },
      { metric: 'DuckDB wasm, eh (chargé par Chromium)', files: of('wasm-eh') },
      { metric: 'DuckDB wasm, mvp (navigateurs sans exceptions wasm)', files: of('wasm-mvp') },
      ...datasets.map((c) => ({
        metric: `données, ${c.slice('data:'.length)}`,
        files: [...of(c as SizeCategory), ...of('data-index')],
        note: 'Les fichiers du jeu de données (Arrow, TopoJSON, meta.json) et data/datasets.json.',
      })),
      ...(unclassified.length > 0
        ? [
            {
              metric: 'fichiers non classés',
              files: unclassified,
              note: `À classer dans bench/lib/sizes.ts : ${unclassified.map((f) => f.path).join(', ')}.`,
            },
          ]
        : []),
      {
        metric: 'build complet sans les wasm DuckDB',
        files: withoutWasm,
        note: 'Le build normal (`npm run build`), avec tous les jeux de données présents et les deux workers DuckDB.',
      },
      ...datasets.map((c) => ({
        metric: `une visite de ${c === 'data:demo' ? 'la démo' : c.slice('data:'.length)} dans Chromium, wasm compris`,
        files: files.filter(
          (f) => !isMvpOnly(f.path) && (!f.category.startsWith('data:') || f.category === c),
        ),
        served: true,
        note:
          'Ce que télécharge une première visite : sans le bundle mvp ni les autres jeux de ' +
          'données. Brotli précompressé : les copies .br du build, telles que les envoient ' +
          '`npm run preview` et un hôte réglé comme le dit le README (« Publier ») ; gzip : un ' +
          'hôte qui compresse à la volée ; brut : un hôte qui ne compresse pas.',
      })),
    ];
    await ensurePublicBuilt();
    const published = measureFiles(publicDistDir).filter((f) => !f.category.startsWith('wasm-'));
    const publishedSets = [
      ...new Set(published.map((f) => f.category).filter((c) => c.startsWith('data:'))),
    ].sort();
    for (const set of publishedSets) {
      parts.push({
        metric: `version publique sans les wasm DuckDB, avec ${set.slice('data:'.length)} seul`,
        files: published.filter((f) => !f.category.startsWith('data:') || f.category === set),
        target: PUBLIC_BUILD_TARGET_KB,
        note:
          'Cible : version publique ≤ 3 Mo gzip sans le wasm DuckDB. Mesurée sur ' +
          '`npm run build:public` (dist-public/) : le code, les deux workers DuckDB et un seul ' +
          'jeu de données publié (secret statistique appliqué), comme le publie un département.',
      });
    }
    return parts.flatMap(rowsOf);
  },
};

export default suite;
