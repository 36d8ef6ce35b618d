/** Legend lines of a classified choropleth, shared by the on-screen legend and the exports. */
import type { Classes } from '../domain/classify.ts';
import { STATE_LABELS, type NoValueState } from '../domain/value-state.ts';
import { NO_DATA_COLOR, STATE_COLORS } from '../map/colors.ts';
import type { LegendItem } from '../map/export-image.ts';
import { PUBLIC_BUILD } from '../state/build-flags.ts';
import { formatNumber, plural } from './format.ts';

export const NO_DATA_LABEL = PUBLIC_BUILD ? 'Secret statistique ou sans objet' : 'Sans objet';

export function classLegendItems(
  classes: Classes | null,
  ramp: readonly string[],
  decimals: number,
  hasNoData: boolean,
): LegendItem[] {
  const items: LegendItem[] = [];
  if (classes) {
    const f = (v: number) => formatNumber(v, decimals);
    const bounds = [classes.min, ...classes.breaks, classes.max];
    if (classes.breaks.length === 0)
      items.push({ color: ramp[0] ?? NO_DATA_COLOR, label: f(classes.min) });
    else
      ramp.forEach((color, k) =>
        items.push({
          color,
          label:
            k === 0
              ? `${f(bounds[0] as number)} à ${f(bounds[1] as number)}`
              : `plus de ${f(bounds[k] as number)} à ${f(bounds[k + 1] as number)}`,
        }),
      );
  }
  if (hasNoData) items.push({ color: NO_DATA_COLOR, label: NO_DATA_LABEL });
  return items;
}

/** How many territories of a map are in each state without a value. */
export interface StateCount {
  state: NoValueState;
  count: number;
}

/**
 * One legend line per state without a value, with how many territories are in it: « Non
 * renseigné : 487 communes ». Drawn in its own neutral colour, never in a class.
 * @param noun what is counted, singular and plural
 */
export function stateLegendItems(
  counts: readonly StateCount[],
  noun: readonly [string, string] = ['commune', 'communes'],
): LegendItem[] {
  return counts
    .filter((c) => c.count > 0)
    .map((c) => {
      const label = STATE_LABELS[c.state];
      return {
        color: STATE_COLORS[c.state],
        label: `${label.charAt(0).toUpperCase()}${label.slice(1)} : ${plural(c.count, noun[0], noun[1])}`,
      };
    });
}

/** The plural of a territory noun: « bassins de vie », « zones d'emploi », « EPCI ». */
export function unitPlural(unit: string): string {
  if (unit === unit.toUpperCase()) return unit;
  const [first = '', ...rest] = unit.split(' ');
  return [/[sxz]$/.test(first) ? first : `${first}s`, ...rest].join(' ');
}
