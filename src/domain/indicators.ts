/**
 * The indicators the map can colour by, each a formula over a territory's aggregates. To add an
 * indicator: add its aggregate to `TerritoryAggregate` and to the query that fills it
 * (`src/data/queries/territories.ts`) if it needs a new sum, then add an entry here.
 */

/** Sums over the communes of one territory (or the whole département). */
export interface TerritoryAggregate {
  code: string;
  name: string;
  communes: number;
  population: number;
  areaKm2: number;
  /** The chosen need indicator (RSA households by default); null when secrecy hides it. */
  need: number | null;
  /** Sites of the accueil kinds located in the territory. */
  accueilSites: number;
  /** Sites carrying an action of the offer (kinds `action`, `siae`, `mobilite`). */
  offerSites: number;
  /** Places of those sites (unknown capacities count as zero). */
  offerPlaces: number;
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
  /** The figure for one territory; null when it is undefined (no population, no need…). */
  value: (a: TerritoryAggregate) => number | null;
  /** Which sources feed the figure. */
  feeds: ('population' | 'need' | 'offer')[];
}

const ratio = (num: number | null, den: number | null, scale = 1) =>
  num !== null && den !== null && den > 0 ? (scale * num) / den : null;

export const INDICATORS: readonly IndicatorDef[] = [
  {
    id: 'taux_besoin',
    label: '{need} pour 100 habitants',
    unit: '',
    decimals: 1,
    formula: '100 × {need} ÷ population',
    value: (a) => ratio(a.need, a.population, 100),
    feeds: ['need', 'population'],
  },
  {
    id: 'besoin',
    label: '{need}',
    unit: '',
    decimals: 0,
    formula: 'somme des communes',
    value: (a) => a.need,
    feeds: ['need'],
  },
  {
    id: 'population',
    label: 'Population municipale',
    unit: 'hab.',
    decimals: 0,
    formula: 'somme des communes',
    value: (a) => a.population,
    feeds: ['population'],
  },
  {
    id: 'densite',
    label: 'Densité de population',
    unit: 'hab./km²',
    decimals: 0,
    formula: 'population ÷ surface',
    value: (a) => ratio(a.population, a.areaKm2),
    feeds: ['population'],
  },
  {
    id: 'places_pour_100',
    label: "Places d'insertion pour 100 {need}",
    unit: '',
    decimals: 1,
    formula:
      '100 × places des actions, SIAE et services de mobilité situés dans le territoire ÷ {need}',
    value: (a) => ratio(a.offerPlaces, a.need, 100),
    feeds: ['offer', 'need'],
  },
  {
    id: 'accueils_pour_10000',
    label: "Lieux d'accueil social pour 10 000 habitants",
    unit: '',
    decimals: 2,
    formula: "10 000 × lieux d'accueil (MDS, CCAS/CIAS, France Services) ÷ population",
    value: (a) => ratio(a.accueilSites, a.population, 10_000),
    feeds: ['offer', 'population'],
  },
];

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

/** Sum of aggregates: the département as a whole, the reference of every comparison. */
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
    accueilSites: 0,
    offerSites: 0,
    offerPlaces: 0,
  };
  for (const r of rows) {
    total.communes += r.communes;
    total.population += r.population;
    total.areaKm2 += r.areaKm2;
    total.need = total.need === null || r.need === null ? null : total.need + r.need;
    total.accueilSites += r.accueilSites;
    total.offerSites += r.offerSites;
    total.offerPlaces += r.offerPlaces;
  }
  return total;
}
