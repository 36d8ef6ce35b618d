/**
 * The figures a presentation step may show beside the map, by id: the facilitator picks them in
 * the editor, the projector shows those only, large. Each is computed from the same figures as
 * the mode's panel and written the same way (a missing or secret value in words, never 0).
 */
import { needFigure, needRateFigure, placesFigure } from '../../domain/indicators.ts';
import type { TerritoryAggregate } from '../../domain/indicators.ts';
import { needBeyondFigure, type ReachFigures } from '../../domain/reach/summary.ts';
import type { Mode } from '../../state/mode.ts';
import { formatFigure, formatNumber, formatPercent } from '../format.ts';

export interface StepFigure {
  id: string;
  label: string;
  value: string;
  /** A short reference under the value ("12,4 % du total", "sur 499"). */
  detail: string;
}

/** The figures each mode offers, with the label the editor lists them by. */
export const FIGURE_CHOICES: Partial<Record<Mode['kind'], { id: string; label: string }[]>> = {
  explore: [
    { id: 'population', label: 'Population' },
    { id: 'need', label: 'Besoin (indicateur choisi)' },
    { id: 'need-rate', label: 'Besoin pour 100 habitants' },
    { id: 'accueil-sites', label: "Lieux d'accueil" },
    { id: 'offer-places', label: "Places d'insertion" },
  ],
  reach: [
    { id: 'reach-need-beyond', label: 'Besoin au-delà du seuil' },
    { id: 'reach-population-beyond', label: 'Population au-delà du seuil' },
    { id: 'reach-communes-beyond', label: 'Communes au-delà du seuil' },
  ],
};

/** The figures a step shows when it names none: the mode's first three. */
export function defaultFigureIds(mode: Mode['kind']): string[] {
  return (FIGURE_CHOICES[mode] ?? []).slice(0, 3).map((c) => c.id);
}

/** The explore mode's figures of one territory (or of the département). */
export function territoryFigures(a: TerritoryAggregate, needLabel: string): StepFigure[] {
  return [
    { id: 'population', label: 'Population', value: formatNumber(a.population), detail: '' },
    { id: 'need', label: needLabel, value: formatFigure(needFigure(a)), detail: '' },
    {
      id: 'need-rate',
      label: `${needLabel} pour 100 habitants`,
      value: formatFigure(needRateFigure(a), 1),
      detail: '',
    },
    {
      id: 'accueil-sites',
      label: "Lieux d'accueil",
      value: formatNumber(a.accueilSites),
      detail: '',
    },
    {
      id: 'offer-places',
      label: "Places d'insertion",
      value: formatFigure(placesFigure(a)),
      detail: '',
    },
  ];
}

/** The reach mode's figures beyond the threshold. */
export function reachFigures(
  total: ReachFigures,
  maxMinutes: number,
  needLabel: string,
): StepFigure[] {
  const beyond = `au-delà de ${formatNumber(maxMinutes)} min`;
  const need = needBeyondFigure(total);
  const needShare =
    need.state === 'known' && need.value !== null && total.need
      ? `${formatPercent(need.value / total.need, 1)} du total`
      : '';
  return [
    {
      id: 'reach-need-beyond',
      label: `${needLabel} ${beyond}`,
      value: `${need.state === 'partial' ? 'au moins ' : ''}${formatFigure(need)}`,
      detail: needShare,
    },
    {
      id: 'reach-population-beyond',
      label: `Population ${beyond}`,
      value: formatNumber(total.populationBeyond),
      detail: `${formatPercent(total.populationBeyond / total.population, 1)} du total`,
    },
    {
      id: 'reach-communes-beyond',
      label: `Communes ${beyond}`,
      value: formatNumber(total.communesBeyond),
      detail: `sur ${formatNumber(total.communes)}`,
    },
  ];
}

/** The figures a step names, in the order it names them; unknown ids are left out. */
export function pickFigures(all: readonly StepFigure[], ids: readonly string[]): StepFigure[] {
  return ids.flatMap((id) => all.filter((f) => f.id === id));
}
