/**
 * What a scenario's summary card says, for a workshop slide: the figures beyond N minutes of two
 * scenarios (A and B, or the current situation and the scenario on screen) with B − A, formatted
 * exactly as the comparison tables format them, the sites each one opens, closes or moves, and
 * the assumptions the figures rest on. Pure: the card's image and its text both come from it.
 */
import type { SummaryCardContent } from '../../map/summary-card.ts';
import type { Assumption } from '../../domain/assumptions.ts';
import type { ScenarioEdit } from '../../domain/reach/scenario.ts';
import { needBeyondFigure, type ReachFigures } from '../../domain/reach/summary.ts';
import { formatNumber, plural } from '../format.ts';
import { countCell, signed } from './reach-text.ts';

export interface CardSide {
  /** Column head: « A : situation actuelle », « Scénario ». */
  label: string;
  total: ReachFigures;
  edits: readonly ScenarioEdit[];
}

/** What the card shows, as the image composer draws it (src/map/summary-card.ts). */
export type SummaryCardModel = SummaryCardContent;

/** « 1 site ouvert, 2 fermés » or « aucune modification des sites ». */
export function editsLine(edits: readonly ScenarioEdit[]): string {
  const n = (op: ScenarioEdit['op']) => edits.filter((e) => e.op === op).length;
  const parts = [
    [n('open'), 'site ouvert', 'sites ouverts'],
    [n('close'), 'site fermé', 'sites fermés'],
    [n('move'), 'site déplacé', 'sites déplacés'],
  ] as const;
  const said = parts.filter(([k]) => k > 0).map(([k, one, many]) => plural(k, one, many));
  return said.length > 0 ? said.join(', ') : 'aucune modification des sites';
}

export function summaryCardModel(o: {
  a: CardSide;
  b: CardSide;
  maxMinutes: number;
  modeLabel: string;
  needLabel: string;
  datasetName: string;
  badges: readonly Assumption[];
  sources: string[];
  fictional: boolean;
  title: string;
}): SummaryCardModel {
  const { a, b } = o;
  const needA = needBeyondFigure(a.total);
  const needB = needBeyondFigure(b.total);
  const needDelta =
    needA.state === 'known' && needB.state === 'known' ? signed(needB.value! - needA.value!) : '–';
  const n = formatNumber(o.maxMinutes);
  return {
    title: o.title,
    subtitle: `${o.datasetName} · au-delà de ${n} min du site le plus proche, ${o.modeLabel.toLowerCase()}`,
    heads: [a.label, b.label, 'B − A'],
    rows: [
      {
        label: `${o.needLabel} au-delà de ${n} min`,
        a: countCell(needA),
        b: countCell(needB),
        delta: needDelta,
      },
      {
        label: `Population au-delà de ${n} min`,
        a: formatNumber(a.total.populationBeyond),
        b: formatNumber(b.total.populationBeyond),
        delta: signed(b.total.populationBeyond - a.total.populationBeyond),
      },
      {
        label: `Communes au-delà de ${n} min`,
        a: formatNumber(a.total.communesBeyond),
        b: formatNumber(b.total.communesBeyond),
        delta: signed(b.total.communesBeyond - a.total.communesBeyond),
      },
    ],
    sites: [`${a.label} : ${editsLine(a.edits)}`, `${b.label} : ${editsLine(b.edits)}`],
    badges: o.badges.map((x) => x.badge),
    sources: o.sources,
    ...(o.fictional
      ? { warning: 'Données fictives : département de démonstration, aucun territoire réel' }
      : {}),
  };
}

/** The card as plain text (the PNG's description, for screen readers and the tests). */
export function summaryCardText(m: SummaryCardModel): string {
  return [
    m.title,
    m.subtitle,
    ...(m.warning ? [m.warning] : []),
    ...m.rows.map(
      (r) => `${r.label} : ${m.heads[0]} ${r.a} ; ${m.heads[1]} ${r.b} ; B − A ${r.delta}`,
    ),
    ...m.sites,
    ...(m.badges.length > 0 ? [`Hypothèses : ${m.badges.join(' ; ')}`] : []),
    ...m.sources,
  ].join('\n');
}
