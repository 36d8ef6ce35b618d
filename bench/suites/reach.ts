/**
 * Benchmark of the reach engine, in Node on the domain code the app runs:
 * - what-if latency: open one site, then the times, the aggregates by territory and the list of
 *   communes beyond N updated (what the interface recomputes after a click), at département scale
 *   (the demo, 762 communes) and at national scale (35 000 communes, 10 000 sites, synthetic);
 * - close-site latency, same scales;
 * - siting of k = 5 new sites at département scale (and, for information, national).
 * Each is set next to its naive baseline measured in the same run: a full recompute from scratch
 * for the what-if; for the siting, the same search without lazy evaluation (every candidate
 * evaluated at every pick).
 *
 *   npx tsx bench/suites/reach.ts      prints the rows
 */
import { pathToFileURL } from 'node:url';
import { generateDemo } from '../../scripts/demo/generate.ts';
import type { Commune, Site } from '../../src/domain/model.ts';
import { createRandom } from '../../src/domain/random.ts';
import { defaultAssumptions, type ScenarioEdit } from '../../src/domain/reach/scenario.ts';
import type { ReachSession } from '../../src/domain/reach/session.ts';
import { naiveSelect } from '../../src/domain/reach/siting-oracles.ts';
import { reachData, reachSession, type ReachData } from '../../src/domain/reach/setup.ts';
import { greedySiting } from '../../src/domain/reach/siting.ts';
import {
  communesBeyond,
  summariseReach,
  territoryIndex,
  type TerritoryIndex,
} from '../../src/domain/reach/summary.ts';
import { nationalPoints } from '../lib/national-points.ts';
import { summarize, summaryRow, type Summary } from '../lib/stats.ts';
import type { BenchRow, BenchSuite } from '../lib/types.ts';

const SUITE = 'reach';
const MAX_MINUTES = 30;
const TARGET_WHAT_IF_DEPARTEMENT_MS = 16;
const TARGET_WHAT_IF_NATIONAL_MS = 100;
const TARGET_SITING_MS = 1000;

/** Times `fn` over `runs` runs after `warmup` unmeasured ones; `after` runs untimed after each. */
function time(
  runs: number,
  fn: (i: number) => void,
  after?: (i: number) => void,
  warmup = 3,
): Summary {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    fn(i);
    const t = performance.now() - t0;
    after?.(i);
    if (i >= warmup) samples.push(t);
  }
  return summarize(samples);
}

function row(
  metric: string,
  t: Summary,
  baseline: { label: string; timing: Summary } | null,
  target: number | null,
  note?: string,
): BenchRow {
  return summaryRow({
    suite: SUITE,
    metric,
    unit: 'ms',
    summary: t,
    ...(baseline ? { baseline: { label: baseline.label, median: baseline.timing.median } } : {}),
    ...(target !== null ? { target } : {}),
    ...(note ? { note } : {}),
  });
}

interface Scale {
  label: string;
  data: ReachData;
  session: ReachSession;
  index: TerritoryIndex;
  sites: Site[];
  startMs: number;
}

function scale(
  label: string,
  communes: Commune[],
  sites: Site[],
  need: ReadonlyMap<string, number | null>,
  territoryOf: ReadonlyMap<string, string>,
): Scale {
  const t0 = performance.now();
  const data = reachData(communes, need);
  const session = reachSession(data, sites, defaultAssumptions());
  const startMs = performance.now() - t0;
  const index = territoryIndex(data.network.codes, territoryOf, new Map());
  return { label, data, session, index, sites, startMs };
}

/**
 * What the interface recomputes after an edit besides the times: the scenario's new snapshot
 * (a copy of the times and sites, src/state/scenario.svelte.ts), then the figures from it.
 */
function figures(s: Scale): void {
  const snapshot = s.session.snapshot();
  summariseReach(snapshot.minutes, s.data.people, s.index, MAX_MINUTES);
  communesBeyond(snapshot.minutes, s.data.people, MAX_MINUTES, s.data.network.codes, s.data.names);
}

function whatIf(
  s: Scale,
  runs: number,
  baselineRuns: number,
  target: number,
  seed: number,
): BenchRow[] {
  const rnd = createRandom(seed);
  const net = s.data.network;
  const openEdit = (i: number): ScenarioEdit => {
    const c = rnd.int(0, net.count - 1);
    return {
      op: 'open',
      site: {
        id: `bench-${i}`,
        name: 'Site de test',
        kind: 'france_services',
        lon: (net.lon[c] as number) + rnd.range(-0.005, 0.005),
        lat: (net.lat[c] as number) + rnd.range(-0.004, 0.004),
        communeCode: net.codes[c] as string,
        capacity: null,
      },
    };
  };
  const open = time(
    runs,
    (i) => {
      s.session.apply(openEdit(i));
      figures(s);
    },
    () => s.session.undo(),
  );
  const counted = s.session.sites.filter((x) => x.counted).map((x) => x.id);
  const close = time(
    runs,
    () => {
      s.session.apply({ op: 'close', siteId: rnd.pick(counted) });
      figures(s);
    },
    () => s.session.undo(),
  );
  const full = time(
    baselineRuns,
    () => {
      s.session.engine.recomputeAll();
      figures(s);
    },
    undefined,
    1,
  );
  const baseline = {
    label: 'recalcul complet (tous les sites, toutes les communes)',
    timing: full,
  };
  return [
    row(`what-if : ouvrir un site (${s.label})`, open, baseline, target),
    row(`what-if : fermer un site (${s.label})`, close, baseline, target),
    row(
      `démarrage du moteur (${s.label})`,
      { median: s.startMs, min: s.startMs, max: s.startMs, runs: 1 },
      null,
      null,
      'réseau, modèle et premier calcul complet, mesuré une fois',
    ),
  ];
}

function siting(
  s: Scale,
  runs: number,
  baselineRuns: number,
  target: number | null,
  note?: string,
): BenchRow {
  const input = {
    model: s.session.engine.model,
    network: s.data.network,
    minutes: s.session.engine.minutes,
    weight: s.data.people.need as Float64Array,
    maxMinutes: MAX_MINUTES,
    k: 5,
  };
  let gain = 0;
  // Interleaved, so that neither gets the warm JIT or the quiet heap alone.
  const samples: [number[], number[]] = [[], []];
  const runs2 = Math.max(runs, baselineRuns);
  for (let i = 0; i < runs2 + 2; i++) {
    for (const which of [0, 1] as const) {
      if (which === 1 && i >= baselineRuns + 2) continue;
      const t0 = performance.now();
      if (which === 0) gain = greedySiting(input).totalGain;
      else greedySiting(input, { select: naiveSelect });
      if (i >= 2) samples[which].push(performance.now() - t0);
    }
  }
  const [lazy, plain] = samples.map(summarize) as [Summary, Summary];
  return row(
    `implantation de k = 5 sites (${s.label})`,
    lazy,
    {
      label: 'même recherche sans évaluation paresseuse (chaque candidat réévalué à chaque choix)',
      timing: plain,
    },
    target,
    `${Math.round(gain)} bénéficiaires de plus à moins de ${MAX_MINUTES} min${note ? ` ; ${note}` : ''}`,
  );
}

export async function runReachBench(): Promise<BenchRow[]> {
  const demo = generateDemo();
  const demoNeed = new Map(
    demo.needs
      .filter((n) => n.indicator === demo.meta.defaultNeed)
      .map((n) => [n.communeCode, n.value]),
  );
  const pti = new Map(
    demo.memberships
      .filter((m) => m.schemeId === 'pti')
      .map((m) => [m.communeCode, m.territoryCode]),
  );
  const dep = scale(
    `département, démo ${demo.communes.length} communes`,
    demo.communes,
    demo.sites,
    demoNeed,
    pti,
  );
  const national = nationalPoints();
  const nat = scale(
    `national, ${national.communes.length} communes, ${national.sites.length} sites`,
    national.communes,
    national.sites,
    national.need,
    national.departementOf,
  );
  return [
    ...whatIf(dep, 300, 30, TARGET_WHAT_IF_DEPARTEMENT_MS, 1),
    ...whatIf(nat, 60, 5, TARGET_WHAT_IF_NATIONAL_MS, 2),
    siting(dep, 20, 10, TARGET_SITING_MS),
    siting(nat, 5, 5, null, 'pour information, sans objectif'),
  ];
}

const suite: BenchSuite = { name: SUITE, run: runReachBench };
export default suite;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runReachBench();
  const fmt = (v: number | undefined) => (v === undefined ? '' : v.toFixed(2));
  console.log(
    [
      'métrique',
      'médiane',
      'min',
      'max',
      'n',
      'référence',
      'ratio',
      'objectif',
      'atteint',
      'note',
    ].join(' | '),
  );
  for (const r of rows) {
    console.log(
      [
        r.metric,
        fmt(r.median),
        fmt(r.min),
        fmt(r.max),
        r.runs,
        r.baseline ? `${fmt(r.baseline.median)} (${r.baseline.label})` : '',
        fmt(r.ratio),
        r.target ?? '',
        r.meetsTarget === undefined ? '' : r.meetsTarget ? 'oui' : 'non',
        r.note ?? '',
      ].join(' | '),
    );
  }
}
