/**
 * The indicators the map can colour by, each a formula over a territory's aggregates. To add an
 * indicator: add its aggregate to `TerritoryAggregate` and to the query that fills it
 * (`src/data/queries/territories.ts`) if it needs a new sum, then add an entry here.
 *
 * A value that is not there is never counted as 0 (value-state.ts): each indicator gives a
 * `Figure`, known, partial ("sur N communes renseignées sur M") or in the state that explains why
 * it has no value.
 */
import {
  NO_PARTS,
  addParts,
  knownFigure,
  missingFigure,
  ratioFigure,
  sumFigure,
  type Figure,
  type Parts,
} from './value-state.ts';

/** Sums over the communes of one territory (or the whole département). */
export interface TerritoryAggregate {
  code: string;
  name: string;
  communes: number;
  population: number;
  areaKm2: number;
  /**
   * The chosen need indicator (RSA households by default) when every commune of the territory has
   * a value (or the published figure has one); null otherwise: `needFigure` says why and gives
   * the partial sum when it means something.
   */
  need: number | null;
  /** Sum of the need over the communes that have a value; null when none has one. */
  needKnown: number | null;
  /** Communes by state of their need value (known, missing, secret). */
  needParts: Parts;
  /** Population of the communes that have a need value. */
  needPopulation: number;
  /** The published figure is masked by the publication's statistical secrecy. */
  needSuppressed: boolean;
  /** Sites of the accueil kinds located in the territory. */
  accueilSites: number;
  /** Sites carrying an action of the offer (kinds `action`, `siae`, `mobilite`). */
  offerSites: number;
  /** Places of those sites when every capacity is known; null otherwise (see `placesFigure`). */
  offerPlaces: number | null;
  /** Places of the offer sites whose capacity is known. */
  offerPlacesKnown: number;
  /** Offer sites whose capacity is unknown. */
  offerUnknownCapacity: number;
}

/** The need of a territory as a figure: known, partial over its communes with a value, or why not. */
export function needFigure(a: TerritoryAggregate): Figure {
  if (a.needSuppressed) return missingFigure('secret');
  const coverage =
    a.population > 0 ? a.needPopulation / a.population : a.needParts.known > 0 ? 1 : 0;
  return sumFigure(a.needKnown ?? 0, a.needParts, coverage, 'commune');
}

/** The need per 100 inhabitants over the same communes (those with a value). */
export function needRateFigure(a: TerritoryAggregate): Figure {
  const need = needFigure(a);
  if (need.value === null) return need;
  return ratioFigure(need, need.state === 'partial' ? a.needPopulation : a.population, 100);
}

/** Places of the offer sites: over the sites whose capacity is known, or unknown. */
export function placesFigure(a: TerritoryAggregate): Figure {
  const parts: Parts = {
    known: a.offerSites - a.offerUnknownCapacity,
    missing: 0,
    unknown: a.offerUnknownCapacity,
    secret: 0,
  };
  // No site: no place, a true zero.
  if (a.offerSites === 0) return knownFigure(0, 'lieu');
  return sumFigure(a.offerPlacesKnown, parts, parts.known / a.offerSites, 'lieu');
}

export interface IndicatorDef {
  id: string;
  /** Label; `{need}` stands for the need indicator's label. */
  label: string;
  /** Unit after the figure, or '' (e.g. "hab./km²", "%"). */
  unit: string;
  decimals: number;
  /** How the figure is computed, shown to the user. */
  formula: string;
  /** The figure for one territory, with its state (value-state.ts). */
  figure: (a: TerritoryAggregate) => Figure;
  /**
   * The value drawn and sorted: the figure's value (partial ones included), null when it has
   * none (its state then says why).
   */
  value: (a: TerritoryAggregate) => number | null;
  /** Which sources feed the figure. */
  feeds: ('population' | 'need' | 'offer')[];
}

type IndicatorSpec = Omit<IndicatorDef, 'value'>;

const known = (v: number) => knownFigure(v);
const rate = (num: number, den: number, scale: number) => ratioFigure(knownFigure(num), den, scale);

const SPECS: readonly IndicatorSpec[] = [
  {
    id: 'taux_besoin',
    label: '{need} pour 100 habitants',
    unit: '',
    decimals: 1,
    formula: '100 × {need} ÷ population',
    figure: needRateFigure,
    feeds: ['need', 'population'],
  },
  {
    id: 'besoin',
    label: '{need}',
    unit: '',
    decimals: 0,
    formula: 'somme des communes',
    figure: needFigure,
    feeds: ['need'],
  },
  {
    id: 'population',
    label: 'Population municipale',
    unit: 'hab.',
    decimals: 0,
    formula: 'somme des communes',
    figure: (a) => known(a.population),
    feeds: ['population'],
  },
  {
    id: 'densite',
    label: 'Densité de population',
    unit: 'hab./km²',
    decimals: 0,
    formula: 'population ÷ surface',
    figure: (a) => rate(a.population, a.areaKm2, 1),
    feeds: ['population'],
  },
  {
    id: 'places_pour_100',
    label: "Places d'insertion pour 100 {need}",
    unit: '',
    decimals: 1,
    formula:
      '100 × places des actions, SIAE et services de mobilité situés dans le territoire ÷ {need}',
    figure: (a) => ratioFigure(placesFigure(a), needFigure(a), 100),
    feeds: ['offer', 'need'],
  },
  {
    id: 'accueils_pour_10000',
    label: "Lieux d'accueil social pour 10 000 habitants",
    unit: '',
    decimals: 2,
    formula: "10 000 × lieux d'accueil (MDS, CCAS/CIAS, France Services) ÷ population",
    figure: (a) => rate(a.accueilSites, a.population, 10_000),
    feeds: ['offer', 'population'],
  },
];

export const INDICATORS: readonly IndicatorDef[] = SPECS.map((spec) => ({
  ...spec,
  value: (a: TerritoryAggregate) => spec.figure(a).value,
}));

export const DEFAULT_INDICATOR = 'taux_besoin';

export function indicatorById(id: string): IndicatorDef {
  return INDICATORS.find((i) => i.id === id) ?? (INDICATORS[0] as IndicatorDef);
}

/** "Foyers allocataires du RSA" → "foyers allocataires du RSA" (acronyms keep their case). */
export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function indicatorLabel(def: IndicatorDef, needLabel: string): string {
  return def.label.startsWith('{need}')
    ? def.label.replace('{need}', needLabel)
    : def.label.replace('{need}', lowerFirst(needLabel));
}

/**
 * Sum of aggregates: the département as a whole, when it has no published figure of its own.
 * A part without a value stays without one: the need is complete only if every part's is, and
 * the partial sums, parts and populations add up so that the total says "sur N" too.
 */
export function sumAggregates(
  rows: readonly TerritoryAggregate[],
  code: string,
  name: string,
): TerritoryAggregate {
  const total: TerritoryAggregate = {
    code,
    name,
    communes: 0,
    population: 0,
    areaKm2: 0,
    need: 0,
    needKnown: null,
    needParts: { ...NO_PARTS },
    needPopulation: 0,
    needSuppressed: false,
    accueilSites: 0,
    offerSites: 0,
    offerPlaces: 0,
    offerPlacesKnown: 0,
    offerUnknownCapacity: 0,
  };
  for (const r of rows) {
    total.communes += r.communes;
    total.population += r.population;
    total.areaKm2 += r.areaKm2;
    total.need = total.need === null || r.need === null ? null : total.need + r.need;
    if (r.needSuppressed) {
      // A masked part: its communes count as secret in the total.
      total.needParts.secret += r.communes;
    } else {
      if (r.needKnown !== null) total.needKnown = (total.needKnown ?? 0) + r.needKnown;
      total.needParts = addParts(total.needParts, r.needParts);
      total.needPopulation += r.needPopulation;
    }
    total.accueilSites += r.accueilSites;
    total.offerSites += r.offerSites;
    total.offerPlaces =
      total.offerPlaces === null || r.offerPlaces === null
        ? null
        : total.offerPlaces + r.offerPlaces;
    total.offerPlacesKnown += r.offerPlacesKnown;
    total.offerUnknownCapacity += r.offerUnknownCapacity;
  }
  return total;
}
