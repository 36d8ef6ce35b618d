/**
 * The legends of the reach map. The difference map of two scenarios, shared by the on-screen legend, the image
 * exports and the summary card: each class with its colour, its communes and inhabitants (the
 * same counts as the comparison table's B − A), and the communes without data apart.
 */
import { PAIR_CLASS_IDS, pairClassLabels } from '../../domain/reach/pair-difference.ts';
import { GAIN_CLASSES } from '../../domain/reach/gain-classes.ts';
import { REACH_BANDS } from '../../domain/reach/summary.ts';
import { GAIN_COLORS, NO_DATA_COLOR, PAIR_COLORS, REACH_BAND_COLORS } from '../../map/colors.ts';
import type { ImageLegend, LegendDistribution } from '../../map/export-image.ts';
import type { ScenarioPairState } from '../../state/scenario-pair.svelte.ts';
import { formatNumber, plural } from '../format.ts';

export function pairLegend(pair: ScenarioPairState, mapCommunes: number): ImageLegend | null {
  const totals = pair.totals;
  const a = pair.a;
  if (!totals || !a) return null;
  const labels = pairClassLabels(a.assumptions.maxMinutes);
  const count = (communes: number, population: number) =>
    `${plural(communes, 'commune', 'communes')}, ${formatNumber(population)} hab.`;
  // Communes drawn on the map that have no time in the compared network are without data too.
  const outside = Math.max(0, mapCommunes - a.codes.length);
  const noData = totals.noData.communes + outside;
  return {
    title: 'Écart de temps B − A par commune',
    items: [
      ...PAIR_CLASS_IDS.map((id, k) => {
        const t = totals.byClass[k]!;
        return {
          color: PAIR_COLORS[k] as string,
          label: `${labels[id]} (${count(t.communes, t.population)})`,
        };
      }),
      {
        color: NO_DATA_COLOR,
        label: `sans temps de trajet (${plural(noData, 'commune', 'communes')})`,
      },
    ],
  };
}

/**
 * The legend of the reach map's times, the same on screen and in the exports: the difference of
 * two kept scenarios when the map shows it, else the gains against the current situation, else
 * the time bands (with their distribution on screen).
 */
export function timesLegend(
  pair: ImageLegend | null,
  showingGains: boolean,
  distribution?: LegendDistribution,
): ImageLegend {
  if (pair) return pair;
  if (showingGains) {
    return {
      title: 'Écart au temps actuel (scénario − situation actuelle)',
      items: GAIN_CLASSES.map((c, i) => ({ color: GAIN_COLORS[i] as string, label: c.label })),
    };
  }
  return {
    title: "Temps jusqu'au site le plus proche",
    items: REACH_BANDS.map((b, i) => ({ color: REACH_BAND_COLORS[i] as string, label: b.label })),
    ...(distribution ? { distribution } : {}),
  };
}
