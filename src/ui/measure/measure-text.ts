/** Texts and colours shared by the coverage and mobility views. */
import { formatDecimal } from '../../domain/format.ts';
import type { Classes } from '../../domain/classify.ts';
import type { Measure } from '../../state/territory-measure.svelte.ts';

/** The ramp of a measure for its classes, reversed when more is better. */
export function rampFor<R>(
  measure: Measure<R>,
  classes: Classes | null,
  ramp: (classCount: number) => string[],
): string[] {
  const colors = ramp((classes?.breaks.length ?? 0) + 1);
  return measure.higherIsBetter ? [...colors].reverse() : colors;
}

/** A measure's label with N in it ("… sans place à 30 min"). */
export const measureLabel = <R>(m: Measure<R>, minutes: number) =>
  m.label.replace('N min', `${formatDecimal(minutes, 3)} min`);

/** "1 an", "2,5 ans". */
export function formatYears(years: number): string {
  const text = formatDecimal(years, 2);
  return `${text} an${years >= 2 ? 's' : ''}`;
}

/** The rows by a measure, the worst first, those without a value last. */
export function rankByMeasure<R>(rows: readonly R[], measure: Measure<R>): R[] {
  return [...rows].sort((a, b) => {
    const va = measure.value(a);
    const vb = measure.value(b);
    if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1;
    return measure.higherIsBetter ? va - vb : vb - va;
  });
}
