/**
 * `npm run report -- validate --reference FILE [--dataset ID,…|--all]`: the travel model of the app
 * against published access curves (share of the population within 5…60 min of the nearest France
 * Services, per département). For each built dataset named, the model's shares at 10, 15, 20 and
 * 30 min next to the reference's, the mean absolute error, then a summary (median and worst error,
 * départements within 3 points). Any model can be checked this way, an imported matrix included.
 */
import { formatNumber } from '../../src/domain/format.ts';
import { networkTimesFromDb } from '../../src/data/queries/network-times.ts';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../../src/data/db.ts';
import { listCommunes } from '../../src/data/queries/communes.ts';
import { listSites } from '../../src/data/queries/sites.ts';
import {
  SITE_KINDS,
  type DatasetEntry,
  type DatasetMeta,
  type SiteKind,
} from '../../src/domain/model.ts';
import { defaultAssumptions, type ReachAssumptions } from '../../src/domain/reach/scenario.ts';
import { reachData, reachSession, type ReachMatrices } from '../../src/domain/reach/setup.ts';
import type { MatrixFileInput } from '../../src/domain/travel/matrix-import.ts';
import type { TravelMode } from '../../src/domain/travel/model.ts';
import {
  COMPARED_MINUTES,
  CURVE_MINUTES,
  accessCurve,
  compareCurves,
  parseReferenceCurves,
  summariseValidation,
  type ReferenceCurve,
  type ValidationSummary,
} from '../../src/domain/travel/validation.ts';
import { DATA_DIR, openDataset, round, toCsv, toCsvBlock } from './common.ts';
import {
  MATRIX_OPTIONS,
  formatOption,
  loadMatrix,
  matrixFileOption,
  matrixHelp,
  modeOption,
  readText,
} from './options.ts';

export const HELP = `Usage : npm run report -- validate --reference FICHIER [options]

  --reference FICHIER  courbes publiées : une ligne par département (colonne dep), parts de la
                       population à moins de 5, 10, … 60 min (colonnes 5min … 60min), en %
  --dataset ID,…       jeux de données construits dans public/data (défaut : tous, comme --all)
  --all                tous les jeux de public/data qui ont une ligne dans la référence
  --kinds a,b          types de sites comptés (défaut : france_services)
  --mode M             voiture | sans-voiture (défaut : voiture)
${matrixHelp(23)}                       (une matrice se vérifie sur un seul jeu : --dataset ID)
  --format F           csv | json (défaut : csv)
  --out FICHIER        écrit dans un fichier au lieu de la sortie standard
`;

export interface ValidationRow {
  datasetId: string;
  departement: string;
  name: string;
  model: string;
  /** Sites counted, and how many of them lie outside the département. */
  sites: number;
  sitesOutside: number;
  /** Shares (%) of the model at every threshold of the reference curves. */
  curve: Record<string, number>;
  points: { minutes: number; model: number; reference: number }[];
  meanAbsError: number;
}

export interface ValidationReport {
  reference: string;
  kinds: SiteKind[];
  mode: TravelMode;
  rows: ValidationRow[];
  summary: ValidationSummary;
  /** Datasets asked for that have no row in the reference file. */
  withoutReference: string[];
}

export interface ValidateOptions {
  kinds: SiteKind[];
  mode: TravelMode;
  /** An imported matrix file to check instead of the mode's estimate. */
  matrix?: MatrixFileInput;
  /** Log line for the matrix import report (stderr in the command). */
  log?: (line: string) => void;
}

/** The model of a dataset loaded in DuckDB against one reference curve. */
export async function validateDataset(
  db: Db,
  meta: DatasetMeta,
  reference: ReferenceCurve,
  o: ValidateOptions,
): Promise<ValidationRow> {
  const [communes, sites] = await Promise.all([listCommunes(db), listSites(db)]);
  const assumptions: ReachAssumptions = {
    ...defaultAssumptions(),
    mode: o.mode,
    kinds: o.kinds,
    maxMinutes: Math.max(...CURVE_MINUTES),
  };
  const matrices: ReachMatrices = {};
  if (o.matrix) matrices[o.mode] = loadMatrix(o.matrix, communes, o.log);
  // The dataset's network times, when it has some, are the model checked for their mode.
  const data = reachData(communes, null, await networkTimesFromDb(db, meta));
  const session = reachSession(data, sites, assumptions, matrices);
  const curve = accessCurve(session.engine.minutes, data.people.population);
  const cmp = compareCurves(curve, reference.shares);
  return {
    datasetId: meta.id,
    departement: reference.departement,
    name: reference.name || meta.departement.name,
    model: session.engine.model.label,
    sites: session.sites.filter((s) => s.counted).length,
    sitesOutside: session.sites.filter((s) => s.counted && s.outside).length,
    curve: Object.fromEntries([...curve].map(([m, v]) => [`${m}`, round(v, 2) as number])),
    points: cmp.points.map((p) => ({
      minutes: p.minutes,
      model: round(p.model, 2) as number,
      reference: round(p.reference, 2) as number,
    })),
    meanAbsError: round(cmp.meanAbsError, 2) as number,
  };
}

export function validationCsv(r: ValidationReport): string {
  const header = [
    'departement',
    'nom',
    'jeu',
    'modele',
    'sites',
    'sites_hors_departement',
    ...COMPARED_MINUTES.flatMap((m) => [`modele_${m}min`, `reference_${m}min`]),
    'ecart_moyen_points',
  ];
  const rows = r.rows.map((row) => [
    row.departement,
    row.name,
    row.datasetId,
    row.model,
    row.sites,
    row.sitesOutside,
    ...row.points.flatMap((p) => [p.model, p.reference]),
    row.meanAbsError,
  ]);
  const s = r.summary;
  // The summary follows the table, as its own CSV block after a blank line.
  return (
    toCsv(header, rows) +
    '\r\n' +
    toCsvBlock(
      [
        'departements',
        'ecart_median_points',
        'pire_ecart_points',
        'pire_departement',
        'a_moins_de_3_points',
      ],
      [[s.count, round(s.medianError, 2), round(s.worstError, 2), s.worst, s.close]],
    )
  );
}

/** The summary line of the command, on stderr. */
export function summaryLine(s: ValidationSummary): string {
  if (s.count === 0) return 'Aucun département comparé.';
  const f = (v: number | null) => (v === null ? '–' : formatNumber(v, 1));
  return (
    `${s.count} département(s) : écart médian ${f(s.medianError)} point(s), pire ${f(s.worstError)} ` +
    `(${s.worst}), ${s.close} à moins de 3 points.`
  );
}

export function parseValidateArgs(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    options: {
      reference: { type: 'string' },
      dataset: { type: 'string' },
      all: { type: 'boolean', default: false },
      kinds: { type: 'string' },
      mode: { type: 'string' },
      ...MATRIX_OPTIONS,
      format: { type: 'string', default: 'csv' },
      help: { type: 'boolean', default: false },
    },
  }).values;
}

export function kindsOption(value: string | undefined, fallback: SiteKind[]): SiteKind[] {
  if (value === undefined) return fallback;
  const kinds = value.split(',').map((k) => k.trim());
  const unknown = kinds.filter((k) => !SITE_KINDS.includes(k as SiteKind));
  if (unknown.length > 0 || kinds.length === 0) {
    throw new Error(
      `--kinds : types inconnus ${unknown.join(', ')} (connus : ${SITE_KINDS.join(', ')}).`,
    );
  }
  return kinds as SiteKind[];
}

/** Every dataset of the data folder, with its département code. */
function builtDatasets(dataDir: string): { id: string; dep: string }[] {
  const manifest = join(dataDir, 'datasets.json');
  if (!existsSync(manifest)) return [];
  return (JSON.parse(readFileSync(manifest, 'utf8')) as DatasetEntry[]).map((e) => ({
    id: e.id,
    dep: e.departement.code,
  }));
}

export async function main(args: string[], dataDir = DATA_DIR): Promise<string> {
  const v = parseValidateArgs(args);
  if (v.help) return HELP;
  if (!v.reference) throw new Error(`--reference FICHIER est obligatoire.\n\n${HELP}`);
  const format = formatOption(v.format);
  const curves = parseReferenceCurves(readText(v.reference));
  const byDep = new Map(curves.map((c) => [c.departement, c]));
  const built = builtDatasets(dataDir);
  const wanted =
    v.dataset && !v.all
      ? v.dataset.split(',').map((id) => {
          const d = built.find((b) => b.id === id.trim());
          if (!d)
            throw new Error(
              `Jeu de données inconnu : ${id} (disponibles : ${built.map((b) => b.id).join(', ')}).`,
            );
          return d;
        })
      : built;
  if (v.matrix && wanted.length !== 1) {
    throw new Error('--matrix : une matrice se vérifie sur un seul jeu (--dataset ID).');
  }
  const o: ValidateOptions = {
    kinds: kindsOption(v.kinds, ['france_services']),
    mode: modeOption(v.mode) ?? 'voiture',
    matrix: matrixFileOption(v),
    log: (line) => console.error(line),
  };
  const rows: ValidationRow[] = [];
  const withoutReference: string[] = [];
  for (const d of wanted) {
    const ref = byDep.get(d.dep.padStart(2, '0').toUpperCase());
    if (!ref) {
      withoutReference.push(d.id);
      continue;
    }
    const { db, meta } = await openDataset(d.id, dataDir);
    try {
      rows.push(await validateDataset(db, meta, ref, o));
    } finally {
      await db.close();
    }
  }
  if (withoutReference.length > 0) {
    console.error(`Sans courbe de référence (ignorés) : ${withoutReference.join(', ')}`);
  }
  const report: ValidationReport = {
    reference: basename(v.reference),
    kinds: o.kinds,
    mode: o.mode,
    rows,
    summary: summariseValidation(rows),
    withoutReference,
  };
  console.error(summaryLine(report.summary));
  return format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : validationCsv(report);
}
