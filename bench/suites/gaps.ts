/**
 * Benchmark of the coverage and mobility tables, in Node on the domain code the app runs: what
 * the interface recomputes when the axis or an assumption changes —
 * - the coverage table of one axis (pairs within N minutes, allocation of the places, figures by
 *   territory and by commune), at département scale: the demo, and a real département when the
 *   open-data folder is present;
 * - the mobility table (survey shares, allocation to the mobility services, without a car);
 * - the siting of k = 3 mobility platforms on the unmet need.
 * Each table is set next to its naive baseline measured in the same run, interleaved: the same
 * table with the pairs found by asking every commune of every site instead of the grid search.
 *
 *   npx tsx bench/suites/gaps.ts      prints the rows
 */
import { pathToFileURL } from 'node:url';
import { generateDemo } from '../../scripts/demo/generate.ts';
import { buildDepartement } from '../../scripts/opendata/build-departement.ts';
import { HAS_OPENDATA, OPENDATA_DIR } from '../../scripts/opendata/opendata-dir.ts';
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import type { TableInput } from '../../src/domain/gaps/common.ts';
import { coverageTable, defaultCoverageAssumptions } from '../../src/domain/gaps/coverage.ts';
import {
  barrierSchemeId,
  defaultMobilityAssumptions,
  defaultPlatformCapacity,
  mobilitySiting,
  mobilityTable,
  type MobilityInput,
} from '../../src/domain/gaps/mobility.ts';
import type { Axis } from '../../src/domain/model.ts';
import { defaultAssumptions } from '../../src/domain/reach/scenario.ts';
import { reachData } from '../../src/domain/reach/setup.ts';
import { territoryIndex } from '../../src/domain/reach/summary.ts';
import { modelFor } from '../../src/domain/travel/models.ts';
import { addNote } from '../lib/notes.ts';
import { summarize, summaryRow, type Summary } from '../lib/stats.ts';
import type { BenchRow, BenchSuite } from '../lib/types.ts';

const SUITE = 'gaps';

/** Runs `a` and `b` alternately (2 unmeasured rounds first), so neither gets a warmer JIT. */
function paired(runs: number, a: () => void, b: () => void): [Summary, Summary] {
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < runs + 2; i++) {
    for (const [k, fn] of [a, b].entries()) {
      const t0 = performance.now();
      fn();
      if (i >= 2) samples[k as 0 | 1].push(performance.now() - t0);
    }
  }
  return [summarize(samples[0]), summarize(samples[1])];
}

function row(metric: string, t: Summary, baseline: Summary | null, note: string): BenchRow {
  return summaryRow({
    suite: SUITE,
    metric,
    unit: 'ms',
    summary: t,
    ...(baseline
      ? {
          baseline: {
            label: 'paires cherchées commune par commune, sans la grille',
            median: baseline.median,
          },
        }
      : {}),
    note,
  });
}

/** The inputs of the tables for a dataset in memory, by PTI territory (or bassin de vie). */
function inputs(bundle: DatasetBundle): {
  coverage: (mode: 'voiture' | 'sans-voiture') => TableInput;
  mobility: MobilityInput;
} {
  const need = new Map(
    bundle.needs
      .filter((n) => n.indicator === bundle.meta.defaultNeed)
      .map((n) => [n.communeCode, n.value]),
  );
  const data = reachData(bundle.communes, need);
  const schemeId = bundle.meta.schemes.some((s) => s.id === 'pti') ? 'pti' : 'bv2022';
  const of = (scheme: string) =>
    new Map(
      bundle.memberships
        .filter((m) => m.schemeId === scheme)
        .map((m) => [m.communeCode, m.territoryCode]),
    );
  const territories = territoryIndex(data.network.codes, of(schemeId), new Map());
  const travel = defaultAssumptions();
  const coverage = (mode: 'voiture' | 'sans-voiture'): TableInput => ({
    data,
    model: modelFor(data.network, { ...travel, mode }, null, data.networks?.[mode] ?? null),
    sites: bundle.sites,
    territories,
  });
  const order = bundle.meta.schemes.map((s) => s.id);
  const survey = barrierSchemeId(bundle.barriers, order);
  return {
    coverage,
    mobility: {
      ...coverage('sans-voiture'),
      barriers: bundle.barriers,
      schemeOrder: order,
      barrierTerritoryOf: survey ? of(survey) : new Map(),
    },
  };
}

function measure(label: string, bundle: DatasetBundle, axes: Axis[], runs: number): BenchRow[] {
  const { coverage, mobility } = inputs(bundle);
  const rows: BenchRow[] = [];
  const car = coverage('voiture');
  for (const axis of axes) {
    const a = { ...defaultCoverageAssumptions(), axis };
    let pairs = 0;
    const [grid, dense] = paired(
      runs,
      () => (pairs = coverageTable(car, a).pairs),
      () => coverageTable(car, a, { pairs: 'dense' }),
    );
    const sites = bundle.sites.filter((s) => s.axes.includes(axis)).length;
    rows.push(
      row(
        `couverture, axe ${axis}, 30 min en voiture (${label})`,
        grid,
        dense,
        `${sites} sites, ${pairs} paires commune-site à 30 min`,
      ),
    );
  }
  const m = defaultMobilityAssumptions();
  let unmet = 0;
  const [grid, dense] = paired(
    runs,
    () => (unmet = mobilityTable(mobility, m).total.unmet ?? 0),
    () => mobilityTable(mobility, m, { pairs: 'dense' }),
  );
  rows.push(
    row(
      `mobilité, 30 min sans voiture (${label})`,
      grid,
      dense,
      `${bundle.sites.filter((s) => s.kind === 'mobilite').length} services ; besoin non couvert ${Math.round(unmet)}`,
    ),
  );
  const table = mobilityTable(mobility, m);
  const capacityPerYear = defaultPlatformCapacity(bundle.sites);
  let gain = 0;
  const siting = summarize(
    Array.from({ length: runs + 2 }, () => {
      const t0 = performance.now();
      gain = mobilitySiting(mobility, table, { k: 3, capacityPerYear })?.totalGain ?? 0;
      return performance.now() - t0;
    }).slice(2),
  );
  rows.push(
    row(
      `3 plateformes de mobilité (${label})`,
      siting,
      null,
      `capacité ${capacityPerYear ?? 'sans limite'} ; +${Math.round(gain)} de besoin couvert`,
    ),
  );
  return rows;
}

export async function runGapsBench(): Promise<BenchRow[]> {
  const demo = generateDemo();
  const rows = measure(
    `démo, ${demo.communes.length} communes`,
    demo,
    ['remobilisation', 'accueil', 'iae'],
    30,
  );
  if (HAS_OPENDATA) {
    const real = buildDepartement({ dep: '62', from: OPENDATA_DIR }).bundle;
    rows.push(...measure(`Pas-de-Calais, ${real.communes.length} communes`, real, ['accueil'], 15));
  } else {
    addNote(SUITE, `données ouvertes absentes (${OPENDATA_DIR}) : Pas-de-Calais non mesuré`);
  }
  return rows;
}

const suite: BenchSuite = { name: SUITE, run: runGapsBench };
export default suite;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fmt = (v: number | undefined) => (v === undefined ? '' : v.toFixed(2));
  console.log(['métrique', 'médiane', 'min', 'max', 'n', 'référence', 'ratio', 'note'].join(' | '));
  for (const r of await runGapsBench()) {
    console.log(
      [
        r.metric,
        fmt(r.median),
        fmt(r.min),
        fmt(r.max),
        r.runs,
        r.baseline ? `${fmt(r.baseline.median)} (${r.baseline.label})` : '',
        fmt(r.ratio),
        r.note ?? '',
      ].join(' | '),
    );
  }
}
