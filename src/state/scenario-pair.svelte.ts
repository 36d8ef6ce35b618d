/**
 * Two scenarios kept for a workshop (A and B): their figures, the travel time of every commune
 * in each (for the difference map) and their edits (for the summary card). They stay while the
 * user switches tabs or edits the scenario on screen.
 */
import {
  PAIR_NO_DATA,
  pairClassTotals,
  pairDifferenceClasses,
} from '../domain/reach/pair-difference.ts';
import { incomparable, type ScenarioSnapshot } from '../domain/reach/scenario-pair.ts';
import type { ScenarioEdit } from '../domain/reach/scenario.ts';

export interface KeptScenario extends ScenarioSnapshot {
  datasetId: string;
  /** Commune codes in network order, the order of `minutes` and `population`. */
  codes: readonly string[];
  names: readonly string[];
  minutes: Float64Array;
  population: Float64Array;
  edits: readonly ScenarioEdit[];
}

export type PairSlot = 'a' | 'b';

export class ScenarioPairState {
  a = $state.raw<KeptScenario | null>(null);
  b = $state.raw<KeptScenario | null>(null);
  /** The map shows B − A by commune instead of the travel-time bands. */
  showDifference = $state(false);

  keep(slot: PairSlot, scenario: KeptScenario): void {
    this[slot] = scenario;
  }

  /** Why A and B cannot be compared, in words; null when they can (or one is missing). */
  readonly reason = $derived.by((): string | null => {
    const { a, b } = this;
    if (!a || !b) return null;
    if (a.datasetId !== b.datasetId || a.codes.length !== b.codes.length)
      return 'jeux de données différents';
    return incomparable(a, b);
  });

  /** Both kept and comparable. */
  get ready(): boolean {
    return this.a !== null && this.b !== null && this.reason === null;
  }

  /** Class of every commune (network order) on the difference map; null when not comparable. */
  readonly classes = $derived.by((): Int8Array | null => {
    const { a, b } = this;
    if (!a || !b || this.reason) return null;
    return pairDifferenceClasses(a.minutes, b.minutes, a.assumptions.maxMinutes);
  });

  readonly #indexOf = $derived.by(
    () => new Map((this.a?.codes ?? []).map((code, i) => [code, i] as const)),
  );

  /** The class of a commune, null for one without data (or outside the compared network). */
  classOf(code: string): number | null {
    const classes = this.classes;
    const i = this.#indexOf.get(code);
    if (!classes || i === undefined) return null;
    const k = classes[i] as number;
    return k === PAIR_NO_DATA ? null : k;
  }

  readonly totals = $derived.by(() => {
    const classes = this.classes;
    return classes && this.a ? pairClassTotals(classes, this.a.population) : null;
  });

  /** Whether the map shows the difference (asked for, and A and B comparable on this dataset). */
  showingOn(datasetId: string, codes: readonly string[] | undefined): boolean {
    const a = this.a;
    return (
      this.showDifference &&
      this.classes !== null &&
      a !== null &&
      a.datasetId === datasetId &&
      codes !== undefined &&
      codes.length === a.codes.length
    );
  }
}
