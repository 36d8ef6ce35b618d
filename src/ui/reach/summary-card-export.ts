/**
 * The summary card of the scenario on screen (against the current situation) or of the kept
 * scenarios A and B: its model from the same figures and formatting as the comparison tables,
 * its small map coloured as the difference map, then the PNG downloaded.
 */
import {
  needAssumption,
  offerIncompleteAssumption,
  travelTimeAssumption,
  uniqueAssumptions,
} from '../../domain/assumptions.ts';
import { gainClassIndex } from '../../domain/reach/gain-classes.ts';
import { TRAVEL_MODE_LABELS } from '../../domain/travel/model.ts';
import { GAIN_COLORS, NO_DATA_COLOR, PAIR_COLORS } from '../../map/colors.ts';
import { composeSummaryCard } from '../../map/summary-card.ts';
import type { AppState } from '../../state/app-state.svelte.ts';
import type { ReachState } from '../../state/reach.svelte.ts';
import type { ScenarioPairState } from '../../state/scenario-pair.svelte.ts';
import { figureContext } from '../assumption-context.ts';
import { downloadBlob, fileSlug } from '../download.ts';
import { sourceLine } from '../format.ts';
import { peopleSourceIds } from '../map-mode.ts';
import { pairLegend, timesLegend } from './pair-legend.ts';
import { summaryCardModel, summaryCardText, type CardSide } from './summary-card-model.ts';

/** The card's model and its text, for A vs B (`pair`) or the scenario on screen. */
export function summaryCardOf(app: AppState, reach: ReachState, pair: ScenarioPairState | null) {
  const { travel, scenario } = reach.study;
  const meta = app.data.meta;
  const summary = reach.summary;
  const baseline = reach.baseline;
  let a: CardSide;
  let b: CardSide;
  let title: string;
  if (pair) {
    if (!pair.a || !pair.b || !pair.ready) return null;
    a = { label: pair.a.label, total: pair.a.summary.total, edits: pair.a.edits };
    b = { label: pair.b.label, total: pair.b.summary.total, edits: pair.b.edits };
    title = 'Scénario A ou scénario B ?';
  } else {
    if (!summary || !baseline) return null;
    a = { label: 'Situation actuelle', total: baseline.total, edits: [] };
    b = { label: 'Scénario', total: summary.total, edits: scenario.edits };
    title = 'Le scénario et la situation actuelle';
  }
  if (!meta) return null;
  const model = scenario.snapshot?.model ?? null;
  const offer = app.data.sites.filter((s) => travel.kinds.includes(s.kind)).map((s) => s.sourceId);
  const sources = peopleSourceIds(app, offer).flatMap((id) => {
    const s = app.data.sourceById(id);
    return s ? [`Source : ${sourceLine(s)}`] : [];
  });
  const content = summaryCardModel({
    a,
    b,
    maxMinutes: pair?.a?.assumptions.maxMinutes ?? travel.maxMinutes,
    modeLabel: TRAVEL_MODE_LABELS[pair?.a?.assumptions.mode ?? travel.mode],
    needLabel: app.needLabel,
    datasetName: meta.name,
    badges: uniqueAssumptions([
      model ? travelTimeAssumption(model) : null,
      needAssumption(app.needId, app.needLabel, figureContext(app).needSource),
      offerIncompleteAssumption(travel.kinds, travel.missingKinds),
    ]),
    sources,
    fictional: meta.fictional,
    title,
  });
  return { content, text: summaryCardText(content) };
}

export async function downloadSummaryCard(
  app: AppState,
  reach: ReachState,
  pair: ScenarioPairState | null,
): Promise<void> {
  const card = summaryCardOf(app, reach, pair);
  const features = app.data.geometry?.features ?? [];
  if (!card) throw new Error('Les chiffres des deux scénarios ne sont pas prêts');
  const legend = pair ? pairLegend(pair, features.length) : timesLegend(null, true);
  if (!legend) throw new Error('Les deux scénarios ne peuvent être comparés');
  const fillOf = pair
    ? (code: string) => {
        const k = pair.classOf(code);
        return k === null ? NO_DATA_COLOR : (PAIR_COLORS[k] as string);
      }
    : (code: string) => {
        const g = reach.gainOf(code);
        return g === null ? NO_DATA_COLOR : (GAIN_COLORS[gainClassIndex(g)] as string);
      };
  const blob = await composeSummaryCard({
    content: card.content,
    text: card.text,
    features,
    fillOf,
    legend,
    date: new Date(),
  });
  downloadBlob(
    blob,
    `${fileSlug(`fiche-${app.data.meta?.id ?? ''}-${pair ? 'a-contre-b' : 'scenario'}`)}.png`,
  );
}
