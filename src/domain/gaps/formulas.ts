/**
 * The formulas and the allocation rule in the words users read (the coverage and mobility panels,
 * the JSON reports): one text, so that what is shown is what is computed.
 */
import { formatDecimal } from '../format.ts';
import { agreePlural } from '../french.ts';
import { AXIS_LABELS } from '../labels.ts';
import { TRANSPORT_ANSWERS, type TransportAnswer } from '../survey-pas-de-calais.ts';
import { TRAVEL_MODE_LABELS } from '../travel/model.ts';
import type { UnknownCapacityRule } from './allocation.ts';
import type { CoverageAssumptions } from './coverage.ts';
import type { MobilityAssumptions } from './mobility.ts';

export interface Formula {
  id: string;
  label: string;
  formula: string;
}

const fr = (x: number, decimals = 0) => formatDecimal(x, decimals);

export const UNKNOWN_CAPACITY_LABELS: Record<UnknownCapacityRule, string> = {
  unlimited: 'comptés sans limite de places (chiffres signalés)',
  zero: 'comptés sans aucune place',
};

/** The allocation rule, in two steps (allocation.ts). */
export function allocationRule(maxMinutes: number, unit: string): string[] {
  const n = fr(maxMinutes);
  return [
    `Au plus près d'abord : chaque paire (commune, site) à ${n} min ou moins est prise par temps croissant ; elle reçoit autant de ${unit} que la commune en a encore sans place et que le site a encore de places.`,
    `Puis le plus grand nombre : si des ${unit} d'une commune restent sans place alors qu'un site à moins de ${n} min est plein, ses places sont réaffectées de proche en proche lorsqu'une personne qu'il accueillait peut aller dans un autre site à moins de ${n} min de chez elle qui a encore des places. Le nombre de ${unit} ${agreePlural('servis', unit)} est alors le plus grand possible à ${n} min ou moins.`,
  ];
}

export function coverageFormulas(a: CoverageAssumptions, unit: string): Formula[] {
  const n = fr(a.maxMinutes);
  const axis = AXIS_LABELS[a.axis];
  return [
    {
      id: 'concerned',
      label: 'Bénéficiaires concernés',
      formula: `${unit} × part concernée par l'axe « ${axis} » (${fr(a.concernedShare * 100, 1)} %)`,
    },
    {
      id: 'placesPer100',
      label: `Places pour 100 ${unit}`,
      formula: `100 × places des sites de l'axe situés dans le territoire ÷ ${unit} du territoire (capacités inconnues non comptées)`,
    },
    {
      id: 'split',
      label: 'Servis, au-delà des places, hors de portée',
      formula: `servis à portée : bénéficiaires concernés (${unit}) ayant une place à ${n} min ou moins (${TRAVEL_MODE_LABELS[a.mode].toLowerCase()}) ; à portée mais au-delà des places : un site de l'axe est à ${n} min ou moins, sans place pour eux ; hors de portée : aucun site de l'axe à ${n} min ou moins`,
    },
    {
      id: 'score',
      label: "Score d'écart",
      formula: `100 × (hors de portée + à portée mais au-delà des places) ÷ bénéficiaires concernés : la part sans place à ${n} min ou moins (0 : tous servis ; 100 : aucun)`,
    },
    {
      id: 'reference',
      label: 'Écart au département',
      formula: "score du territoire − score de l'ensemble du département, en points",
    },
    {
      id: 'unknown',
      label: 'Sites de capacité inconnue',
      formula: UNKNOWN_CAPACITY_LABELS[a.unknownCapacity],
    },
  ];
}

export const answerLabels = (answers: readonly TransportAnswer[]) =>
  TRANSPORT_ANSWERS.filter((x) => answers.includes(x.id)).map((x) => `« ${x.label} »`);

export function mobilityFormulas(a: MobilityAssumptions, unit: string): Formula[] {
  const n = fr(a.maxMinutes);
  const years = fr(a.capacityYears, 2);
  return [
    {
      id: 'share',
      label: 'Part ayant besoin d’un appui à la mobilité',
      formula:
        a.shareOverride !== null
          ? `part imposée : ${fr(a.shareOverride * 100, 1)} % dans chaque commune`
          : `somme des parts des réponses ${answerLabels(a.answers).join(', ')} à la question « Disposez-vous d'un moyen de transport pour vous rendre à votre travail ? », dans le territoire d'enquête de la commune, à défaut pour l'ensemble du Pas-de-Calais (2009)`,
    },
    {
      id: 'supportNeed',
      label: 'Besoin d’appui à la mobilité',
      formula: `${unit} de chaque commune × part de sa commune, additionnés par territoire`,
    },
    {
      id: 'capacity',
      label: 'Capacité des services de mobilité',
      formula: `personnes accompagnées par an × ${years} an${a.capacityYears > 1 ? 's' : ''} (le besoin d'une date est couvert en ${years} an${a.capacityYears > 1 ? 's' : ''}, un accompagnement par personne)`,
    },
    {
      id: 'unmet',
      label: 'Besoin non couvert',
      formula: `besoin d'appui − besoin servi par un service de mobilité à ${n} min ou moins (${TRAVEL_MODE_LABELS[a.mode].toLowerCase()}), dans la limite de ses capacités = besoin hors de portée + besoin à portée au-delà des capacités`,
    },
    {
      id: 'unknown',
      label: 'Services de capacité inconnue',
      formula: UNKNOWN_CAPACITY_LABELS[a.unknownCapacity],
    },
  ];
}
