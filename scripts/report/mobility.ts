/**
 * `npm run report -- mobility`: mobility-platform needs by territory — beneficiaries, the share
 * counted as needing mobility support (survey), the support need, the mobility services and their
 * capacity, the need served within N minutes, within reach beyond capacity, out of reach, the
 * unmet need and its rank; with `--platforms k`, where k new platforms would serve the most unmet
 * need. Computed by the domain code the app runs (src/domain/gaps).
 */
import { parseArgs } from 'node:util';
import type { Db } from '../../src/data/db.ts';
import {
  MAX_CAPACITY_YEARS,
  MIN_CAPACITY_YEARS,
  defaultMobilityAssumptions,
  defaultPlatformCapacity,
  isMobilityService,
  type MobilityAssumptions,
} from '../../src/domain/gaps/mobility.ts';
import { computeMobilityReport, type MobilityReport } from '../../src/domain/gaps/reports.ts';
import { platformCapacityAssumption } from '../../src/domain/assumptions.ts';
import { lineNeedFigure } from '../../src/domain/gaps/common.ts';
import { MOBILITY_SERVICES } from '../../src/domain/model.ts';
import { figureStatus } from '../../src/domain/value-state.ts';
import type { DatasetMeta } from '../../src/domain/model.ts';
import { TRANSPORT_ANSWERS, type TransportAnswer } from '../../src/domain/survey-pas-de-calais.ts';
import { reportOn, round, toCsv, toCsvBlock } from './common.ts';
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
import { unknownCapacityOption } from './gaps.ts';

export const HELP = `Usage : npm run report -- mobility [options]

  --dataset ID            jeu de données construit dans public/data (défaut : demo)
  --scheme ID             découpage : bv2022, pti, epci, commune… (défaut : bv2022, sinon pti)
  --minutes N             seuil en minutes (défaut : 30)
  --mode M                voiture | sans-voiture (défaut : sans-voiture)
  --need ID               indicateur de besoin compté comme bénéficiaires (défaut : celui du jeu)
  --answers a,b,c         réponses comptées comme frein de transport (défaut :
                          vehicule_avec_difficultes,transports_en_commun_seulement,aucun_moyen)
                          parmi ${TRANSPORT_ANSWERS.map((a) => a.id).join(', ')}
  --share-override P      une part imposée partout, en %, au lieu de l'enquête
  --years N               années pour couvrir le besoin : capacité comptée = personnes/an × N (défaut : 1)
  --unknown-capacity R    services de capacité inconnue : sans-limite | zero (défaut : sans-limite)
  --platforms K           où ouvrir K plateformes de mobilité (1 à 10)
  --platform-capacity C   personnes par an d'une nouvelle plateforme, ou sans-limite
                          (défaut : capacité médiane des plateformes du jeu, sinon sans limite)
  --scenario FICHIER      scénario JSON (sites ouverts, fermés, déplacés ; paramètres des temps)
${matrixHelp(26)}  --format F              csv | json (défaut : csv)
  --out FICHIER           écrit dans un fichier au lieu de la sortie standard
`;

export function parseMobilityArgs(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    options: {
      ...COMMON_OPTIONS,
      answers: { type: 'string' },
      'share-override': { type: 'string' },
      years: { type: 'string' },
      'unknown-capacity': { type: 'string' },
      platforms: { type: 'string' },
      'platform-capacity': { type: 'string' },
    },
  }).values;
}

export function mobilityAssumptionsFrom(
  v: ReturnType<typeof parseMobilityArgs>,
): MobilityAssumptions {
  const a = defaultMobilityAssumptions();
  a.maxMinutes = minutesOption(v.minutes) ?? a.maxMinutes;
  a.mode = modeOption(v.mode) ?? a.mode;
  if (v.answers !== undefined) {
    const known = TRANSPORT_ANSWERS.map((x) => x.id as string);
    const answers = v.answers
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const unknown = answers.filter((x) => !known.includes(x));
    if (unknown.length > 0 || answers.length === 0) {
      throw new Error(
        `--answers : réponses inconnues ${unknown.join(', ')} (connues : ${known.join(', ')}).`,
      );
    }
    a.answers = answers as TransportAnswer[];
  }
  const override = numberOption('share-override', v['share-override'], 0, 100);
  if (override !== undefined) a.shareOverride = override / 100;
  a.capacityYears = numberOption('years', v.years, MIN_CAPACITY_YEARS, MAX_CAPACITY_YEARS) ?? 1;
  a.unknownCapacity = unknownCapacityOption(v['unknown-capacity']) ?? a.unknownCapacity;
  return a;
}

export interface MobilityRunOptions extends Partial<GapsLoadOptions> {
  /** k platforms to site, and their capacity ('default': the dataset's median platform). */
  siting?: { k: number; capacityPerYear: number | null | 'default' } | null;
}

/** The mobility report of a dataset loaded in DuckDB: what the command and the tests use. */
export async function mobilityReportFromDb(
  db: Db,
  meta: DatasetMeta,
  a: MobilityAssumptions,
  o: MobilityRunOptions = {},
): Promise<MobilityReport> {
  const input = await loadGapsInput(db, meta, {
    ...o,
    schemeId: o.schemeId ?? defaultScheme(meta, ['bv2022', 'pti']),
    needId: o.needId ?? null,
  });
  const siting = o.siting
    ? {
        k: o.siting.k,
        capacityPerYear:
          o.siting.capacityPerYear === 'default'
            ? defaultPlatformCapacity(input.sites)
            : o.siting.capacityPerYear,
      }
    : null;
  const report = computeMobilityReport(input, a, siting);
  if (siting && o.siting?.capacityPerYear === 'default') {
    const known = input.sites.filter(
      (x) => isMobilityService(x) && x.detail === MOBILITY_SERVICES[0] && x.capacity !== null,
    ).length;
    report.hypotheses.push(platformCapacityAssumption(siting.capacityPerYear, known));
  }
  return report;
}

export function mobilityCsv(r: MobilityReport): string {
  const line = (scheme: string, t: MobilityReport['total']) => [
    scheme,
    t.code,
    t.name,
    t.communes,
    t.population,
    t.need,
    figureStatus(lineNeedFigure(t)),
    round(t.share, 4),
    t.shareOrigin,
    round(t.supportNeed),
    t.services,
    t.servicesUnknownCapacity,
    t.capacityPerYear,
    round(t.served),
    round(t.overCapacity),
    round(t.outOfReach),
    round(t.unmet),
    round(t.unmetPer100),
    round(t.servedByUnknown),
    t.rank,
    // The assumptions of this line: the survey row it uses may differ from the others'.
    [
      ...(r.rowHypotheses[t.code] ?? []),
      ...r.hypotheses.filter((x) => x.id === 'default_platform_capacity').map((x) => x.badge),
    ].join(' ; '),
  ];
  const table = toCsv(
    [
      'decoupage',
      'code',
      'territoire',
      'communes',
      'population',
      'beneficiaires',
      'statut_beneficiaires',
      'part_freins_transport',
      'origine_part',
      'besoin_appui_mobilite',
      'services_mobilite',
      'services_capacite_inconnue',
      'capacite_par_an',
      'besoin_servi',
      'besoin_au_dela_des_capacites',
      'besoin_hors_de_portee',
      'besoin_non_couvert',
      'non_couvert_pour_100',
      'servi_services_capacite_inconnue',
      'rang',
      'hypotheses',
    ],
    [...r.rows.map((t) => line(r.scheme.id, t)), line('departement', r.total)],
  );
  if (!r.siting) return table;
  // The proposals follow the table, as their own CSV block.
  const picks = toCsvBlock(
    ['proposition', 'code', 'commune', 'gain', 'a_portee', 'communes'],
    r.siting.picks.map((p, i) => [
      i + 1,
      p.code,
      p.name,
      round(p.gain),
      round(p.reachable),
      p.communes,
    ]),
  );
  return `${table}\r\n${picks}`;
}

function platformCapacityOption(value: string | undefined): number | null | 'default' {
  if (value === undefined) return 'default';
  if (value === 'sans-limite') return null;
  return numberOption('platform-capacity', value, 1, 1_000_000) as number;
}

export async function main(args: string[]): Promise<string> {
  const v = parseMobilityArgs(args);
  if (v.help) return HELP;
  const format = formatOption(v.format);
  const a = mobilityAssumptionsFrom(v);
  const k = numberOption('platforms', v.platforms, 1, 10);
  if (k !== undefined && !Number.isInteger(k)) throw new Error('--platforms : un entier attendu.');
  const { datasetId, options } = gapsLoadOptionsFrom(v, a.mode, readText);
  const siting = k ? { k, capacityPerYear: platformCapacityOption(v['platform-capacity']) } : null;
  return reportOn(
    datasetId,
    format,
    (db, meta) => mobilityReportFromDb(db, meta, a, { ...options, siting }),
    mobilityCsv,
  );
}
