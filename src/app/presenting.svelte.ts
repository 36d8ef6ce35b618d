/**
 * The presentation controller: showing a step (its view and its scenario), moving between steps
 * with the keyboard, coming back exactly to where the facilitator was, updating a step with the
 * current view, and the A3 poster of the step on screen.
 */
import { tick } from 'svelte';
import { messageOf } from '../domain/errors.ts';
import { DEFAULT_REACH_MINUTES, type ReachScenario } from '../domain/reach/scenario.ts';
import { BACKGROUND_COLOR } from '../map/colors.ts';
import type { AppState } from '../state/app-state.svelte.ts';
import type { DatasetStore } from '../state/dataset.svelte.ts';
import type { Presentation } from '../state/presentation.svelte.ts';
import type { Study } from '../state/study.ts';
import { decodeView, type ViewParams } from '../state/url.ts';
import { downloadBlob, fileSlug } from '../ui/download.ts';
import type { MapMode } from '../ui/map-mode.ts';
import { stepPoster } from '../ui/presentation/poster-export.ts';
import type { Projector } from '../ui/presentation/projector.svelte.ts';
import { FICTIONAL_WARNING, sourceLines, type MapExports } from './exports.svelte.ts';

/** What the presentation needs of the app: its view as a link, and a link's view applied. */
export interface ViewLink {
  current(): string;
  apply(v: ViewParams): void;
}

export class Presenting {
  readonly #app: AppState;
  readonly #data: DatasetStore;
  readonly #study: Study;
  readonly #exports: MapExports;
  readonly #view: ViewLink;
  readonly #map: () => MapMode;
  readonly presentation: Presentation;
  readonly projector: Projector;
  /** Where the facilitator was when the presentation started: Échap comes back to it. */
  #resume: { view: string; scenario: ReachScenario } | null = null;
  /** Said on the step card after « Mettre à jour l'étape » or the poster. */
  notice = $state('');

  constructor(o: {
    app: AppState;
    data: DatasetStore;
    study: Study;
    exports: MapExports;
    view: ViewLink;
    map: () => MapMode;
    presentation: Presentation;
    projector: Projector;
  }) {
    this.#app = o.app;
    this.#data = o.data;
    this.#study = o.study;
    this.#exports = o.exports;
    this.#view = o.view;
    this.#map = o.map;
    this.presentation = o.presentation;
    this.projector = o.projector;
  }

  /**
   * Shows a view given as a URL query: a story step, or a shared link. A step is shown as it was
   * prepared, its scenario included: none when it carries none, whatever was opened live.
   */
  showView(query: string): void {
    const v = decodeView(query);
    if (v.dataset && v.dataset !== this.#data.entry?.id) void this.#data.open(v.dataset);
    this.#app.applyView(v);
    if (this.presentation.presenting) {
      // What the step's link leaves out is the default, not what was on screen before.
      this.#view.apply({
        ...v,
        edits: v.edits ?? [],
        minutes: v.minutes ?? DEFAULT_REACH_MINUTES,
        travel: v.travel ?? 'voiture',
      });
      if (!v.kinds) this.#study.travel.resetKinds();
    } else this.#view.apply(v);
    const handle = this.#exports.handle;
    if (v.camera) handle?.flyTo(v.camera);
    else if (this.#data.meta) handle?.fitBounds(this.#data.meta.bbox);
    // A message of the last edit would describe what the view no longer shows.
    this.#study.scenario.message = '';
    this.notice = '';
    if (this.presentation.presenting) this.projector.stepShown();
  }

  async present(index: number): Promise<void> {
    const from = { view: this.#view.current(), scenario: this.#study.scenario.toScenario() };
    if (!this.presentation.start(index)) return;
    this.#resume = from;
    this.#app.largeDisplay = true;
    // Full screen is a nicety: some browsers refuse it outside a direct user gesture.
    await document.documentElement.requestFullscreen?.().catch(() => {});
    // The presentation layout resizes the map: fly to the first view once it has settled, or the
    // resize would cut the flight short.
    await tick();
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const step = this.presentation.current;
    if (step) this.showView(step.view);
  }

  stepBy(delta: number): void {
    if (this.presentation.go(delta) && this.presentation.current)
      this.showView(this.presentation.current.view);
  }

  /** The step on screen as it was prepared. */
  resetStep(): void {
    if (this.presentation.current) this.showView(this.presentation.current.view);
  }

  stop(): void {
    this.presentation.stop();
    this.#app.largeDisplay = false;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    // The view and the scenario the facilitator left, exactly: the steps showed their own
    // (kept out of the autosave).
    const back = this.#resume;
    this.#resume = null;
    if (!back) return;
    const v = decodeView(back.view);
    if (v.dataset && v.dataset !== this.#data.entry?.id) void this.#data.open(v.dataset);
    this.#app.applyView(v);
    this.#view.apply(v);
    this.#study.scenario.load(back.scenario);
    this.#study.scenario.message = '';
    if (v.camera) this.#exports.handle?.flyTo(v.camera, 0);
  }

  /** The step on screen takes the current view (its title, text and figures stay). */
  updateStep(): void {
    const i = this.presentation.index;
    if (i === null) return;
    this.notice = this.presentation.updateStep(i, this.#view.current())
      ? 'Étape mise à jour avec la vue actuelle.'
      : "L'étape montre déjà cette vue.";
    this.projector.stepShown();
  }

  /** The arrow keys, space, page keys, R, Home and Escape while presenting. */
  onKeydown(e: KeyboardEvent): void {
    if (!this.presentation.presenting) return;
    const target = e.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const actions: Record<string, () => void> = {
      ArrowRight: () => this.stepBy(1),
      PageDown: () => this.stepBy(1),
      ' ': () => this.stepBy(1),
      ArrowLeft: () => this.stepBy(-1),
      PageUp: () => this.stepBy(-1),
      r: () => this.resetStep(),
      R: () => this.resetStep(),
      Home: () => this.resetStep(),
      Escape: () => this.stop(),
    };
    const action = actions[e.key];
    if (!action) return;
    // The map would pan with the arrow keys: the presentation has them.
    e.preventDefault();
    e.stopPropagation();
    action();
  }

  /** The step on screen as an A3 poster at 300 dpi. */
  async exportPoster(): Promise<void> {
    const meta = this.#data.meta;
    const step = this.presentation.current;
    const handle = this.#exports.handle;
    if (!handle || !meta || !step) return;
    const map = this.#map();
    this.notice = 'Affiche en préparation…';
    try {
      const blob = await stepPoster({
        handle,
        background: BACKGROUND_COLOR,
        title: step.title,
        text: step.text,
        subtitle: `${meta.name} · ${map.title}`,
        figures: this.projector.figures,
        figuresOf: this.projector.figuresOf,
        legends: map.legends,
        sources: sourceLines(this.#app, map),
        warning: meta.fictional ? FICTIONAL_WARNING : undefined,
      });
      downloadBlob(blob, `${fileSlug(`affiche-a3-${meta.id}-${step.title}`)}.png`);
      this.notice = 'Affiche A3 téléchargée.';
    } catch (e) {
      this.notice = `L'affiche n'a pas pu être produite : ${messageOf(e)}`;
    }
  }
}
