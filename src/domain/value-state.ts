/**
 * Values that are not there are never 0. A value of a commune or a site is known, or in one of
 * three states, each shown in words wherever a number would be:
 * - `missing`, « non renseigné »: the source gives no value (a commune absent from the file, a
 *   rate the producer does not publish for small communes);
 * - `unknown`, « inconnu »: the thing exists but its quantity is not given (a site whose capacity
 *   the source does not state);
 * - `secret`, « secret »: the value exists but is masked by statistical secrecy (a CAF count under
 *   5 households, a cell of a published dataset under the threshold).
 *
 * A figure over several parts (a territory's sum over its communes, its places over its sites)
 * says over how many parts it is computed. It is `partial` when some parts are not known and the
 * known ones still hold enough of the weight (population, or the number of sites) to mean
 * something, and withheld (no value, the dominant state of the other parts) below that:
 * `MIN_COVERAGE` is the rule, stated to users with every such figure.
 */

export type MissingState = 'missing' | 'unknown' | 'secret';
export type ValueState = 'known' | MissingState;

/**
 * The state of a figure: `known` (over every part), `partial` (over the known parts only, with
 * "sur N"), one of the missing states (no value), or `na`, « sans objet » (a rate whose
 * denominator is zero: places per 100 beneficiaries where there are none).
 */
export type FigureState = 'known' | 'partial' | MissingState | 'na';

/** The states of a figure that has no value, in the order legends list them. */
export type NoValueState = MissingState | 'na';
export const NO_VALUE_STATES: readonly NoValueState[] = ['missing', 'secret', 'unknown', 'na'];

/** Codes of the states in typed arrays (a commune's need, by commune). */
export const STATE_CODES = { known: 0, missing: 1, unknown: 2, secret: 3 } as const;
const CODE_STATES: ValueState[] = ['known', 'missing', 'unknown', 'secret'];
export const stateOfCode = (code: number): ValueState => CODE_STATES[code] ?? 'missing';

/** Adds one part in the state of `code` to `p`. */
export function countPart(p: Parts, code: number): void {
  p[stateOfCode(code)] += 1;
}

export const STATE_LABELS: Record<MissingState | 'na', string> = {
  missing: 'non renseigné',
  unknown: 'inconnu',
  secret: 'secret',
  na: 'sans objet',
};

/** Why a value is in that state, in a sentence a user reads in tooltips and legends. */
export const STATE_EXPLANATIONS: Record<MissingState | 'na', string> = {
  missing: 'la source ne donne pas de valeur',
  unknown: 'la source ne donne pas la quantité',
  secret: 'masqué par le secret statistique',
  na: 'le dénominateur est nul',
};

/** The parts of a figure in each state. */
export interface Parts {
  known: number;
  missing: number;
  unknown: number;
  secret: number;
}

export const NO_PARTS: Readonly<Parts> = { known: 0, missing: 0, unknown: 0, secret: 0 };

export const partsCount = (p: Parts) => p.known + p.missing + p.unknown + p.secret;

export function addParts(a: Parts, b: Parts): Parts {
  return {
    known: a.known + b.known,
    missing: a.missing + b.missing,
    unknown: a.unknown + b.unknown,
    secret: a.secret + b.secret,
  };
}

/** What the parts of a figure are, for "sur N communes" / "sur N lieux". */
export type PartUnit = 'commune' | 'lieu';

const PART_NOUNS: Record<PartUnit, [string, string]> = {
  commune: ['commune', 'communes'],
  lieu: ['lieu', 'lieux'],
};

/** What the known parts are called: communes « renseignées », lieux « à capacité connue ». */
const KNOWN_ADJECTIVE: Record<PartUnit, [string, string]> = {
  commune: ['renseignée', 'renseignées'],
  lieu: ['à capacité connue', 'à capacité connue'],
};

export interface Figure {
  /** The value (over the known parts when `partial`); null in every other state but `known`. */
  value: number | null;
  state: FigureState;
  parts: Parts;
  unit: PartUnit;
  /** Share of the weight held by the known parts, 0–1 (1 when there are no parts). */
  coverage: number;
}

/**
 * Below this share of the weight (population for figures over communes, sites for capacities),
 * a sum or a rate over the known parts is withheld: it would describe the known parts, not the
 * territory. At or above it, the figure is shown with "sur N … sur M".
 */
export const MIN_COVERAGE = 0.5;

/** The state of the parts that are not known, the most frequent first (ties: missing first). */
export function dominantMissingState(p: Parts): MissingState {
  const order: MissingState[] = ['missing', 'secret', 'unknown'];
  return order.reduce((best, s) => (p[s] > p[best] ? s : best), order[0] as MissingState);
}

/** A figure known outright (a population, a count of sites). */
export const knownFigure = (value: number, unit: PartUnit = 'commune'): Figure => ({
  value,
  state: 'known',
  parts: { ...NO_PARTS, known: 1 },
  unit,
  coverage: 1,
});

/** A figure with no value at all, in one state. */
export const missingFigure = (state: MissingState | 'na', unit: PartUnit = 'commune'): Figure => ({
  value: null,
  state,
  parts: state === 'na' ? { ...NO_PARTS } : { ...NO_PARTS, [state]: 1 },
  unit,
  coverage: state === 'na' ? 1 : 0,
});

/**
 * A sum over parts, from the sum of the known parts and the weight they hold.
 * @param knownSum sum over the known parts (ignored when none is known)
 * @param coverage share of the weight held by the known parts, 0–1
 */
export function sumFigure(
  knownSum: number,
  parts: Parts,
  coverage: number,
  unit: PartUnit,
  minCoverage = MIN_COVERAGE,
): Figure {
  const all = partsCount(parts);
  if (parts.known === all) return { value: knownSum, state: 'known', parts, unit, coverage: 1 };
  if (parts.known > 0 && coverage >= minCoverage) {
    return { value: knownSum, state: 'partial', parts, unit, coverage };
  }
  return { value: null, state: dominantMissingState(parts), parts, unit, coverage };
}

/**
 * A rate `scale × num ÷ den`. Without a numerator value the rate takes the numerator's state; a
 * zero (or absent) denominator gives `na` unless the denominator itself is not known.
 */
export function ratioFigure(num: Figure, den: Figure | number, scale = 1): Figure {
  const d = typeof den === 'number' ? knownFigure(den, num.unit) : den;
  if (num.value === null) return { ...num };
  if (d.value === null) return { ...d, unit: d.unit };
  if (!(d.value > 0)) return missingFigure('na', num.unit);
  const partial = num.state === 'partial' || d.state === 'partial';
  // The figure reports the less complete of its two inputs.
  const basis = partial && d.state === 'partial' && num.state !== 'partial' ? d : num;
  return {
    value: (scale * num.value) / d.value,
    state: partial ? 'partial' : 'known',
    parts: basis.parts,
    unit: basis.unit,
    coverage: Math.min(num.coverage, d.coverage),
  };
}

const nounOf = (unit: PartUnit, n: number) => PART_NOUNS[unit][n >= 2 ? 1 : 0];
const adjectiveOf = (unit: PartUnit, n: number) => KNOWN_ADJECTIVE[unit][n >= 2 ? 1 : 0];
const int = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\s/g, '\u202f');

/** "sur 12 communes renseignées sur 499", or '' for a figure over all its parts. */
export function coverageText(f: Figure): string {
  if (f.state === 'known' || f.state === 'na') return '';
  const all = partsCount(f.parts);
  if (all <= 1) return '';
  return `sur ${int(f.parts.known)} ${nounOf(f.unit, f.parts.known)} ${adjectiveOf(f.unit, f.parts.known)} sur ${int(all)}`;
}

/**
 * The state of a figure in words, for tooltips and the status column of exports: '' when known;
 * "partiel : sur 12 communes renseignées sur 499"; "non renseigné", "secret", "inconnu",
 * "sans objet", followed for a withheld figure by what is known and why it is not shown.
 */
export function figureStatus(f: Figure): string {
  if (f.state === 'known') return '';
  if (f.state === 'partial') return `partiel : ${coverageText(f)}`;
  const label = STATE_LABELS[f.state];
  if (f.parts.known === 0) return label;
  const pct = Math.floor(f.coverage * 100);
  const weight = f.unit === 'commune' ? 'de la population' : 'des lieux';
  const rule = Math.round(MIN_COVERAGE * 100);
  return `${label} : ${coverageText(f)}, ${pct} % ${weight} (chiffre calculé à partir de ${rule} %)`;
}

/** Cells of a figure in an export: the value (empty when there is none) and its status. */
export function figureCells(f: Figure): [number | null, string] {
  return [f.value, figureStatus(f)];
}

/** How many figures are in each state: the legend's entries beside the classes, with counts. */
export function countStates(figures: Iterable<Figure>): Record<FigureState, number> {
  const out: Record<FigureState, number> = {
    known: 0,
    partial: 0,
    missing: 0,
    unknown: 0,
    secret: 0,
    na: 0,
  };
  for (const f of figures) out[f.state] += 1;
  return out;
}
