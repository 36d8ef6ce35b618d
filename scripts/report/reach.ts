/**
 * `npm run report -- reach`: minutes to the nearest site of the chosen kinds for every commune of
 * a built dataset, the population and the beneficiaries beyond N minutes by territory of every
 * scheme, and the communes beyond; under a scenario when given. The figures come from the domain
 * code the app runs (src/domain/reach), so they match the interface exactly.
 */
import { loadNeedInputs, reachNeeds, schemeChoices } from '../../src/data/inputs.ts';
import { networkTimesFromDb } from '../../src/data/queries/network-times.ts';
import { parseArgs } from 'node:util';
import type { Db } from '../../src/data/db.ts';
import { listCommunes } from '../../src/data/queries/communes.ts';
import { schemeTerritories } from '../../src/data/queries/reach.ts';
import { listSites } from '../../src/data/queries/sites.ts';
import { SITE_KINDS, type DatasetMeta, type SiteKind } from '../../src/domain/model.ts';
import {
  computeReachReport,
  type ReachReport,
  type ReportScheme,
} from '../../src/domain/reach/reach-report.ts';
import {
  MAX_REACH_MINUTES,
  MIN_REACH_MINUTES,
  defaultAssumptions,
  type ReachAssumptions,
  type ScenarioEdit,
} from '../../src/domain/reach/scenario.ts';
import type { ReachMatrices } from '../../src/domain/reach/setup.ts';
import type { MatrixFileInput } from '../../src/domain/travel/matrix-import.ts';
import type { TravelMode } from '../../src/domain/travel/model.ts';
import { needIndicator, reportOn, round, toCsv } from './common.ts';
import {
  COMMON_OPTIONS,
  formatOption,
  loadMatrix,
  matrixFileOption,
  matrixHelp,
  modeOption,
  readBytes,
  readText,
  scenarioOption,
} from './options.ts';

export const HELP = `Usage : npm run report -- reach [options]

  --dataset ID        jeu de données construit dans public/data (défaut : demo)
  --minutes N         seuil N en minutes (défaut : 30)
  --kinds a,b,c       types de sites comptés (défaut : mds,ccas,france_services)
  --mode M            voiture | sans-voiture (défaut : voiture)
  --need ID           indicateur de besoin compté comme bénéficiaires (défaut : celui du jeu)
  --scenario FICHIER  scénario JSON (sites ouverts, fermés, déplacés, et ses hypothèses) ;
                      les options données explicitement l'emportent sur ses hypothèses
${matrixHelp(22)}  --scheme ID         CSV : un seul découpage (commune, epci, bv2022, pti, departement…)
  --communes          CSV : la liste des communes au-delà de N minutes
  --format F          csv | json (défaut : csv)
  --out FICHIER       écrit dans un fichier au lieu de la sortie standard
`;

export interface ReachOptions {
  assumptions: ReachAssumptions;
  edits: ScenarioEdit[];
  /** Imported matrix files, by mode, with how to read them. */
  matrices?: Partial<Record<TravelMode, MatrixFileInput>>;
  /** Log line for the matrix import reports (stderr in the command). */
  log?: (line: string) => void;
}

/** The reach report of a dataset loaded in DuckDB: the function the command and the tests use. */
export async function reachReportFromDb(
  db: Db,
  meta: DatasetMeta,
  options: ReachOptions,
): Promise<ReachReport> {
  const a = options.assumptions;
  const needId = a.needId ?? meta.defaultNeed;
  const indicator = needIndicator(meta, needId);
  const schemeIds = schemeChoices(meta);
  const [communes, sites, needs, ...territories] = await Promise.all([
    listCommunes(db),
    listSites(db),
    loadNeedInputs(db, meta, needId),
    ...schemeIds.map(([id]) => schemeTerritories(db, id)),
  ]);
  const schemes: ReportScheme[] = schemeIds.map(([id, label], i) => ({
    id,
    label,
    ...territories[i]!,
  }));
  const input = {
    datasetId: meta.id,
    communes,
    sites,
    needByCommune: reachNeeds(needs),
    needLabel: indicator.label,
    schemes,
    networkTimes: await networkTimesFromDb(db, meta),
  };
  const matrices: ReachMatrices = {};
  for (const [mode, file] of Object.entries(options.matrices ?? {})) {
    if (file) matrices[mode as TravelMode] = loadMatrix(file, communes, options.log);
  }
  const assumptions: ReachAssumptions = {
    ...a,
    needId,
    matrices: Object.entries(matrices).map(([mode, m]) => ({
      mode: mode as TravelMode,
      name: m.name,
      pairs: m.matrix.pairCount,
      accessMinutes: m.accessMinutes ?? 0,
    })),
  };
  return computeReachReport(input, assumptions, options.edits, matrices);
}

/** CSV of the report: territories of the schemes (or of one), or the communes beyond N. */
export function reachCsv(
  report: ReachReport,
  o: { scheme?: string; communes?: boolean } = {},
): string {
  if (o.communes) {
    return toCsv(
      ['code', 'commune', 'minutes', 'population', 'beneficiaires'],
      report.communesBeyond.map((c) => [c.code, c.name, round(c.minutes, 1), c.population, c.need]),
    );
  }
  // Every scheme but the communes themselves unless asked: the list of communes is long.
  const schemes = o.scheme
    ? report.schemes.filter((s) => s.id === o.scheme)
    : report.schemes.filter((s) => s.id !== 'commune');
  if (schemes.length === 0) throw new Error(`Découpage inconnu : ${o.scheme}`);
  const withScenario = report.edits.length > 0;
  const header = [
    'decoupage',
    'code',
    'territoire',
    'communes',
    'population',
    'beneficiaires',
    'communes_au_dela',
    'population_au_dela',
    'beneficiaires_au_dela',
    ...(withScenario ? ['population_au_dela_initial', 'beneficiaires_au_dela_initial'] : []),
  ];
  const rows = schemes.flatMap((s) =>
    s.territories.map((t) => [
      s.id,
      t.code,
      t.name,
      t.communes,
      t.population,
      t.need,
      t.communesBeyond,
      t.populationBeyond,
      t.needBeyond,
      ...(withScenario ? [t.baselinePopulationBeyond, t.baselineNeedBeyond] : []),
    ]),
  );
  return toCsv(header, rows);
}

/** Options of the command line, as given (undefined when absent). */
export function parseReachArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...COMMON_OPTIONS,
      kinds: { type: 'string' },
      communes: { type: 'boolean', default: false },
    },
  });
  return values;
}

/** Assumptions and edits from the scenario file (if any) and the explicit options. */
export function reachOptionsFrom(
  v: ReturnType<typeof parseReachArgs>,
  read: (file: string) => string,
  readMatrix: (file: string) => Uint8Array | string = readBytes,
): { datasetId: string; options: ReachOptions } {
  const scenario = scenarioOption(v.scenario, v.dataset, read);
  let assumptions = scenario.assumptions ?? defaultAssumptions();
  if (v.minutes !== undefined) {
    const m = Number(v.minutes);
    if (!(m >= MIN_REACH_MINUTES && m <= MAX_REACH_MINUTES)) {
      throw new Error(`--minutes : nombre de ${MIN_REACH_MINUTES} à ${MAX_REACH_MINUTES} attendu.`);
    }
    assumptions = { ...assumptions, maxMinutes: m };
  }
  if (v.kinds !== undefined) {
    const kinds = v.kinds.split(',').map((k) => k.trim());
    const unknown = kinds.filter((k) => !SITE_KINDS.includes(k as SiteKind));
    if (unknown.length > 0 || kinds.length === 0) {
      throw new Error(
        `--kinds : types inconnus ${unknown.join(', ')} (connus : ${SITE_KINDS.join(', ')}).`,
      );
    }
    assumptions = { ...assumptions, kinds: kinds as SiteKind[] };
  }
  const mode = modeOption(v.mode);
  if (mode !== undefined) assumptions = { ...assumptions, mode };
  if (v.need !== undefined) assumptions = { ...assumptions, needId: v.need };
  const matrix = matrixFileOption(v, readMatrix);
  const matrices: ReachOptions['matrices'] = matrix ? { [assumptions.mode]: matrix } : {};
  return {
    datasetId: scenario.datasetId ?? 'demo',
    options: { assumptions, edits: scenario.edits, matrices },
  };
}

export async function main(args: string[]): Promise<string> {
  const v = parseReachArgs(args);
  if (v.help) return HELP;
  const format = formatOption(v.format);
  const { datasetId, options } = reachOptionsFrom(v, readText);
  return reportOn(
    datasetId,
    format,
    (db, meta) => reachReportFromDb(db, meta, { ...options, log: (line) => console.error(line) }),
    (report) => reachCsv(report, { scheme: v.scheme, communes: v.communes }),
  );
}
