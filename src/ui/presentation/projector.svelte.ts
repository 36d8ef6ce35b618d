/**
 * What the projector shows beside the map during a step: the figures the step names, the edits
 * made live since the step was shown, and the corner of the map where the step card hides the
 * least of the step's territory.
 */
import type { ScenarioEdit } from '../../domain/reach/scenario.ts';
import type { AppState } from '../../state/app-state.svelte.ts';
import type { ExploreView } from '../../state/explore-view.svelte.ts';
import type { Presentation } from '../../state/presentation.svelte.ts';
import type { ReachState } from '../../state/reach.svelte.ts';
import { editText } from '../common/scenario-text.ts';
import { leastHiddenCorner, projectPoint, type Corner, type Size } from './card-placement.ts';
import {
  defaultFigureIds,
  pickFigures,
  reachFigures,
  territoryFigures,
  type StepFigure,
} from './step-figures.ts';

/** The legend holds the top right corner of the map. */
const CARD_CORNERS: readonly Corner[] = ['bottom-left', 'bottom-right', 'top-left'];
const CARD_MARGIN_PX = 16;

export class Projector {
  readonly #app: AppState;
  readonly #explore: ExploreView;
  readonly #reach: ReachState;
  readonly #presentation: Presentation;
  /** The scenario's edits as the step showed them. */
  stepEdits = $state.raw<readonly ScenarioEdit[]>([]);
  /** The map's and the card's sizes on screen, in pixels. */
  mapWidth = $state(0);
  mapHeight = $state(0);
  cardSize = $state.raw<Size>({ width: 0, height: 0 });

  constructor(app: AppState, explore: ExploreView, reach: ReachState, presentation: Presentation) {
    this.#app = app;
    this.#explore = explore;
    this.#reach = reach;
    this.#presentation = presentation;
  }

  /** Remembers the step's own edits, once its view is applied. */
  stepShown(): void {
    this.stepEdits = this.#reach.study.scenario.edits;
  }

  /** The figures the step names, computed like the mode's panel. */
  readonly figures = $derived.by((): StepFigure[] => {
    const step = this.#presentation.current;
    if (!step) return [];
    const kind = this.#app.mode.kind;
    const ids = step.figures ?? defaultFigureIds(kind);
    const needLabel = this.#app.needLabel;
    let all: StepFigure[] = [];
    if (kind === 'reach') {
      const total = this.#reach.summary?.total;
      if (total) all = reachFigures(total, this.#reach.study.travel.maxMinutes, needLabel);
    } else if (kind === 'explore') {
      const a = this.#app.selected
        ? this.#explore.aggregateByCode.get(this.#app.selected)
        : this.#explore.total;
      if (a) all = territoryFigures(a, needLabel);
    }
    return pickFigures(all, ids);
  });

  /** The name of the territory the figures are of. */
  readonly figuresOf = $derived.by((): string => {
    if (this.#app.mode.kind !== 'explore') return this.#app.data.meta?.name ?? '';
    const a = this.#app.selected ? this.#explore.aggregateByCode.get(this.#app.selected) : null;
    return a?.name ?? this.#app.data.meta?.name ?? '';
  });

  /** The edits made during the step, in words; empty when the step is as prepared. */
  readonly liveEdits = $derived.by((): string[] => {
    const now = this.#reach.study.scenario.edits;
    const before = this.stepEdits;
    let same = 0;
    while (
      same < now.length &&
      same < before.length &&
      JSON.stringify(now[same]) === JSON.stringify(before[same])
    )
      same++;
    const name = (id: string) => this.#reach.study.scenario.snapshot?.site(id)?.name ?? id;
    const lines = now
      .slice(same)
      .map((e) => editText(e, name, (c) => this.#reach.study.data.communeName(c)));
    const undone = before.length - same;
    if (undone > 0)
      lines.push(
        undone > 1
          ? `${undone} modifications de l'étape retirées`
          : "1 modification de l'étape retirée",
      );
    return lines;
  });

  /** The corner of the map where the card hides the fewest communes of the step's territory. */
  readonly corner = $derived.by((): Corner => {
    const camera = this.#app.camera;
    const area = { width: this.mapWidth, height: this.mapHeight };
    if (!camera || area.width === 0 || this.cardSize.width === 0) return CARD_CORNERS[0]!;
    const selected = this.#app.selected;
    const territoryOf = this.#explore.territoryOf;
    const communes = this.#app.data.communes.filter(
      (c) => !selected || territoryOf.get(c.code) === selected || c.code === selected,
    );
    const points = communes.map((c) => projectPoint(c.lon, c.lat, camera, area));
    return leastHiddenCorner(points, area, this.cardSize, CARD_MARGIN_PX, undefined, CARD_CORNERS);
  });
}
