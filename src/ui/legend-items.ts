/** Legend lines of a classified choropleth, shared by the on-screen legend and the exports. */
import type { Classes } from '../domain/classify.ts';
import { NO_DATA_COLOR } from '../map/colors.ts';
import type { LegendItem } from '../map/export-image.ts';
import { PUBLIC_BUILD } from '../state/build-flags.ts';
import { formatNumber } from './format.ts';

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
