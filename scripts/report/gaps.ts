/**
 * `npm run report -- gaps`: coverage gaps of the offer by territory for one axis — sites, places,
 * places per 100 beneficiaries, the beneficiaries concerned split into served within N minutes,
 * within reach beyond the places, and out of reach, the gap score and its rank, the département
 * line. Computed by the domain code the app runs (src/domain/gaps), so it matches the interface.
 */
import { parseArgs } from 'node:util';
import type { Db } from '../../src/data/db.ts';
import {
  UNKNOWN_CAPACITY_RULES,
  type UnknownCapacityRule,
} from '../../src/domain/gaps/allocation.ts';
import {
  defaultCoverageAssumptions,
  type CoverageAssumptions,
} from '../../src/domain/gaps/coverage.ts';
import { computeCoverageReport, type CoverageReport } from '../../src/domain/gaps/reports.ts';
import { lineNeedFigure } from '../../src/domain/gaps/common.ts';
import { scoreFigure } from '../../src/domain/gaps/coverage.ts';
import { STATE_LABELS, figureStatus } from '../../src/domain/value-state.ts';
import { AXES, type Axis, type DatasetMeta } from '../../src/domain/model.ts';
import { reportOn, round, toCsv } from './common.ts';
import {
  defaultScheme,
  gapsLoadOptionsFrom,
  loadGapsInput,
  type GapsLoadOptions,
} from './gaps-input.ts';
import {
  COMMON_OPTIONS,
  matrixHelp,
  formatOption,
  minutesOption,
  modeOption,
  numberOption,
  readText,
} from './options.ts';

export const HELP = `Usage : npm run report -- gaps [options]

  --dataset ID          jeu de données construit dans public/data (défaut : demo)
  --scheme ID           découpage : pti, bv2022, epci, commune… (défaut : pti, sinon le premier)
  --axis A              axe de l'offre : ${AXES.join(', ')} (défaut : remobilisation)
  --minutes N           seuil en minutes (défaut : 30)
  --mode M              voiture | sans-voiture (défaut : voiture)
  --need ID             indicateur de besoin compté comme bénéficiaires (défaut : celui du jeu)
  --share P             part des bénéficiaires concernés par l'axe, en % (défaut : 100)
  --unknown-capacity R  sites de capacité inconnue : sans-limite | zero (défaut : sans-limite)
  --scenario FICHIER    scénario JSON (sites ouverts, fermés, déplacés ; paramètres des temps)
${matrixHelp(24)}  --communes            CSV : une ligne par commune au lieu d'une par territoire
  --format F            csv | json (défaut : csv)
  --out FICHIER         écrit dans un fichier au lieu de la sortie standard
`;

export const UNKNOWN_CAPACITY_WORDS: Record<string, UnknownCapacityRule> = {
  'sans-limite': 'unlimited',
  unlimited: 'unlimited',
  zero: 'zero',
};

export function unknownCapacityOption(value: string | undefined): UnknownCapacityRule | undefined {
  if (value === undefined) return undefined;
  const rule = UNKNOWN_CAPACITY_WORDS[value];
  if (!rule || !UNKNOWN_CAPACITY_RULES.includes(rule)) {
    throw new Error(`--unknown-capacity : ${value} (sans-limite ou zero).`);
  }
  return rule;
}

export function parseGapsArgs(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    options: {
      ...COMMON_OPTIONS,
      axis: { type: 'string' },
      share: { type: 'string' },
      'unknown-capacity': { type: 'string' },
      communes: { type: 'boolean', default: false },
    },
  }).values;
}

/** Assumptions from the options, over the defaults. */
export function coverageAssumptionsFrom(v: ReturnType<typeof parseGapsArgs>): CoverageAssumptions {
  const a = defaultCoverageAssumptions();
  if (v.axis !== undefined) {
    if (!AXES.includes(v.axis as Axis)) {
      throw new Error(`--axis : axe inconnu ${v.axis} (connus : ${AXES.join(', ')}).`);
    }
    a.axis = v.axis as Axis;
  }
  a.maxMinutes = minutesOption(v.minutes) ?? a.maxMinutes;
  a.mode = modeOption(v.mode) ?? a.mode;
  const share = numberOption('share', v.share, 0.1, 100);
  if (share !== undefined) a.concernedShare = share / 100;
  a.unknownCapacity = unknownCapacityOption(v['unknown-capacity']) ?? a.unknownCapacity;
  return a;
}

/** The coverage report of a dataset loaded in DuckDB: what the command and the tests use. */
export async function coverageReportFromDb(
  db: Db,
  meta: DatasetMeta,
  a: CoverageAssumptions,
  o: Partial<GapsLoadOptions> = {},
): Promise<CoverageReport> {
  const input = await loadGapsInput(db, meta, {
    ...o,
    schemeId: o.schemeId ?? defaultScheme(meta, ['pti']),
    needId: o.needId ?? null,
  });
  return computeCoverageReport(input, a);
}

export function coverageCsv(r: CoverageReport, o: { communes?: boolean } = {}): string {
  if (o.communes) {
    return toCsv(
      [
        'code',
        'commune',
        'territoire',
        'population',
        'beneficiaires',
        'statut_beneficiaires',
        'beneficiaires_concernes',
        'servis',
        'au_dela_des_places',
        'hors_de_portee',
        'minutes_site_le_plus_proche',
      ],
      r.communes.map((c) => [
        c.code,
        c.name,
        c.territory,
        c.population,
        c.need,
        c.needState === 'known' ? '' : STATE_LABELS[c.needState],
        round(c.concerned),
        round(c.served),
        round(c.overCapacity),
        round(c.outOfReach),
        round(c.nearestMinutes, 1),
      ]),
    );
  }
  const line = (scheme: string, t: CoverageReport['total']) => [
    scheme,
    t.code,
    t.name,
    t.communes,
    t.population,
    t.need,
    figureStatus(lineNeedFigure(t)),
    round(t.concerned),
    t.sites,
    t.sitesUnknownCapacity,
    t.places,
    round(t.placesPer100),
    round(t.served),
    round(t.overCapacity),
    round(t.outOfReach),
    round(t.servedByUnknown),
    t.communesOutOfReach,
    t.populationOutOfReach,
    round(t.score),
    figureStatus(scoreFigure(t, r.axisSites)),
    round(t.scoreVsDepartement),
    t.rank,
    r.hypotheses.map((x) => x.badge).join(' ; '),
  ];
  return toCsv(
    [
      'decoupage',
      'code',
      'territoire',
      'communes',
      'population',
      'beneficiaires',
      'statut_beneficiaires',
      'beneficiaires_concernes',
      'sites',
      'sites_capacite_inconnue',
      'places',
      'places_pour_100',
      'servis',
      'au_dela_des_places',
      'hors_de_portee',
      'servis_sites_capacite_inconnue',
      'communes_hors_de_portee',
      'population_hors_de_portee',
      'score_ecart',
      'statut_score',
      'ecart_departement_points',
      'rang',
      'hypotheses',
    ],
    [...r.rows.map((t) => line(r.scheme.id, t)), line('departement', r.total)],
  );
}

export async function main(args: string[]): Promise<string> {
  const v = parseGapsArgs(args);
  if (v.help) return HELP;
  const format = formatOption(v.format);
  const a = coverageAssumptionsFrom(v);
  const { datasetId, options } = gapsLoadOptionsFrom(v, a.mode, readText);
  return reportOn(
    datasetId,
    format,
    (db, meta) => coverageReportFromDb(db, meta, a, options),
    (report) => coverageCsv(report, { communes: v.communes }),
  );
}
