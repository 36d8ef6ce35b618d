/**
 * What the user is looking at: dataset, scheme, indicator, need, selection, mode. Shared through a
 * context whose getter throws when it is missing, so a component used outside the app fails loudly.
 */
import { getContext, setContext } from 'svelte';
import { DEFAULT_INDICATOR } from '../domain/indicators.ts';
import {
  COMMUNE_SCHEME_ID,
  type Axis,
  type NeedIndicator,
  type SiteKind,
} from '../domain/model.ts';
import type { DatasetStore } from './dataset.svelte.ts';
import { PUBLIC_BUILD } from './build-flags.ts';
import { MODE_LABELS, PLANNER_ONLY_MODES, defaultMode, type Mode } from './mode.ts';
import type { Camera, ViewParams } from './url.ts';

export class AppState {
  schemeId = $state<string>('pti');
  indicatorId = $state<string>(DEFAULT_INDICATOR);
  /** Need indicator id; null means the dataset's default. */
  needChoice = $state<string | null>(null);
  selected = $state<string | null>(null);
  mode = $state<Mode>({ kind: 'explore' });
  showSites = $state(true);
  hiddenAxes = $state<Axis[]>([]);
  /** Kinds of sites shown on the explore map and in the table of sites; null: every kind. */
  siteKinds = $state.raw<SiteKind[] | null>(null);
  /** What the explore table lists: the territories, or the sites. */
  tableOf = $state<'territories' | 'sites'>('territories');
  /** The « Données » panel (every kind of site, its count, source and date) is open. */
  dataPanelOpen = $state(false);
  camera = $state.raw<Camera | null>(null);
  /** Larger labels and points, for a projector. */
  largeDisplay = $state(false);
  /** The map, or its equivalent table. */
  display = $state<'map' | 'table'>('map');

  readonly data: DatasetStore;

  constructor(data: DatasetStore) {
    this.data = data;
  }

  /** The need indicator in use, always one the dataset has. */
  get needId(): string {
    const meta = this.data.meta;
    if (!meta) return this.needChoice ?? '';
    const has = (id: string | null) => id !== null && meta.needIndicators.some((n) => n.id === id);
    return has(this.needChoice) ? (this.needChoice as string) : meta.defaultNeed;
  }

  /** The need indicator in use, as the dataset describes it (its label, unit and source). */
  get needIndicator(): NeedIndicator | undefined {
    return this.data.meta?.needIndicators.find((n) => n.id === this.needId);
  }

  get needLabel(): string {
    return this.needIndicator?.label ?? 'Bénéficiaires';
  }

  /** Plural unit of the need ("foyers"), as in "places pour 100 foyers". */
  get needUnit(): string {
    return this.needIndicator?.unit ?? 'bénéficiaires';
  }

  /** The scheme in use, always one the dataset has. */
  get effectiveSchemeId(): string {
    const meta = this.data.meta;
    if (!meta || this.schemeId === COMMUNE_SCHEME_ID) return this.schemeId;
    return meta.schemes.some((s) => s.id === this.schemeId)
      ? this.schemeId
      : (meta.schemes[0]?.id ?? COMMUNE_SCHEME_ID);
  }

  /** Noun of one territory of the scheme in use: "commune", "EPCI", "bassin de vie"… */
  get schemeUnit(): string {
    const id = this.effectiveSchemeId;
    if (id === COMMUNE_SCHEME_ID) return 'commune';
    return this.data.meta?.schemes.find((s) => s.id === id)?.unitLabel ?? 'territoire';
  }

  /** The schemes the figures can be read by: the communes, then the dataset's own. */
  get schemeChoices(): { value: string; label: string }[] {
    return [
      { value: COMMUNE_SCHEME_ID, label: 'Communes' },
      ...(this.data.meta?.schemes ?? []).map((s) => ({ value: s.id, label: s.label })),
    ];
  }

  setScheme(id: string): void {
    if (id === this.schemeId) return;
    this.schemeId = id;
    this.selected = null;
  }

  toggleAxis(axis: Axis): void {
    this.hiddenAxes = this.hiddenAxes.includes(axis)
      ? this.hiddenAxes.filter((a) => a !== axis)
      : [...this.hiddenAxes, axis];
  }

  applyView(v: ViewParams): void {
    if (v.scheme) this.schemeId = v.scheme;
    if (v.indicator) this.indicatorId = v.indicator;
    if (v.need) this.needChoice = v.need;
    this.selected = v.territory;
    this.camera = v.camera;
    this.display = v.display ?? 'map';
    const kind = (v.mode ?? 'explore') as Mode['kind'];
    // A mode this version does not offer (an import link opened in the public version) is ignored.
    if (kind in MODE_LABELS && !(PUBLIC_BUILD && PLANNER_ONLY_MODES.includes(kind))) {
      if (kind !== this.mode.kind) this.mode = defaultMode(kind);
    }
  }

  toView(): ViewParams {
    return {
      dataset: this.data.entry?.id ?? null,
      // The scheme shown, not the one asked for: a dataset without it shows its first scheme.
      scheme: this.data.meta ? this.effectiveSchemeId : this.schemeId,
      indicator: this.indicatorId,
      need: this.needChoice,
      territory: this.selected,
      camera: this.camera,
      mode: this.mode.kind === 'explore' ? null : this.mode.kind,
      display: this.display === 'table' ? 'table' : null,
      // The settings of the tools belong to them: the tool on screen completes the view.
      minutes: null,
      travel: null,
      kinds: null,
      edits: null,
      axis: null,
      concernedPercent: null,
      barriers: null,
    };
  }
}

const KEY = Symbol('app-state');

export function setAppState(state: AppState): AppState {
  return setContext(KEY, state);
}

export function getAppState(): AppState {
  const s = getContext<AppState | undefined>(KEY);
  if (!s) throw new Error('AppState absent : le composant doit être rendu dans <App>.');
  return s;
}
