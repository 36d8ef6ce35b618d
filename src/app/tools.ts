/**
 * The registry of tools: what each mode of the app shows (sidebar, panel, table, map, the controls
 * on a presentation step), what it loads, and its settings in a link, declared in one place. The
 * app's layout shows the current tool's; the controller (controller.svelte.ts) loads what it
 * reads and keeps its settings in the URL.
 */
import type { Component } from 'svelte';
import type { TableSource } from '../data/inputs.ts';
import type { AppState } from '../state/app-state.svelte.ts';
import type { DatasetStore } from '../state/dataset.svelte.ts';
import type { ExploreView } from '../state/explore-view.svelte.ts';
import type { GapsState } from '../state/gaps.svelte.ts';
import type { ImportStore } from '../state/imports.svelte.ts';
import type { MobilityState } from '../state/mobility.svelte.ts';
import type { Mode } from '../state/mode.ts';
import type { ReachState } from '../state/reach.svelte.ts';
import type { Study } from '../state/study.ts';
import type { ViewParams } from '../state/url.ts';
import ExplorePanel from '../ui/explore/ExplorePanel.svelte';
import ExploreSidebar from '../ui/explore/ExploreSidebar.svelte';
import ExploreTables from '../ui/explore/ExploreTables.svelte';
import { ExploreMapMode } from '../ui/explore/explore-mode.svelte.ts';
import GapsPanel from '../ui/gaps/GapsPanel.svelte';
import GapsSidebar from '../ui/gaps/GapsSidebar.svelte';
import GapsTable from '../ui/gaps/GapsTable.svelte';
import { GapsMapMode } from '../ui/gaps/gaps-mode.svelte.ts';
import ImportPanel from '../ui/import/ImportPanel.svelte';
import ImportSidebar from '../ui/import/ImportSidebar.svelte';
import { ImportMapMode } from '../ui/import/import-mode.svelte.ts';
import type { MapMode } from '../ui/map-mode.ts';
import MobilityPanel from '../ui/mobility/MobilityPanel.svelte';
import MobilitySidebar from '../ui/mobility/MobilitySidebar.svelte';
import MobilityTable from '../ui/mobility/MobilityTable.svelte';
import { MobilityMapMode } from '../ui/mobility/mobility-mode.svelte.ts';
import ReachPanel from '../ui/reach/ReachPanel.svelte';
import ReachSidebar from '../ui/reach/ReachSidebar.svelte';
import ReachTable from '../ui/reach/ReachTable.svelte';
import ReachToolChoice from '../ui/reach/ReachToolChoice.svelte';
import { ReachMapMode } from '../ui/reach/reach-mode.svelte.ts';

/** A component with its props, checked against each other where they are put together. */
export interface Mounted {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked by mount()
  readonly component: Component<any>;
  readonly props: object;
}

function mount<P extends object>(component: Component<P>, props: P): Mounted {
  return { component, props };
}

export type ToolKind = Mode['kind'];

export interface Tool {
  readonly kind: ToolKind;
  readonly map: MapMode;
  readonly sidebar: Mounted;
  readonly panel: Mounted;
  /** The map as a table; none for a tool without figures by territory. */
  readonly table: Mounted | null;
  /** Controls shown on a presentation step's card while this tool is on screen. */
  readonly stepTools: Mounted | null;
  /** Whether its figures read the need by commune (the study's data then loads it). */
  readonly readsNeeds: boolean;
  /** Loads of its own, again whenever the tables change (decoded in the page, then DuckDB). */
  refresh?(source: TableSource, revision: number): Promise<void>;
  /** Its settings in a link, defaults left out (the scenario's edits are added for every tool). */
  viewParams(): Partial<ViewParams>;
  /** A link's settings applied to it. */
  applyView(v: ViewParams): void;
}

/** The states the tools are built on. */
export interface ToolStates {
  app: AppState;
  data: DatasetStore;
  explore: ExploreView;
  imports: ImportStore;
  study: Study;
  reach: ReachState;
  gaps: GapsState;
  mobility: MobilityState;
}

const noSettings = {
  viewParams: (): Partial<ViewParams> => ({}),
  applyView: (): void => {},
};

export function createTools(
  s: ToolStates,
  actions: { printSheet: () => void },
): Record<ToolKind, Tool> {
  const { app, data, explore, imports, study, reach, gaps, mobility } = s;
  const exploreMap = new ExploreMapMode(app, explore);
  const gapsMap = new GapsMapMode(app, explore, gaps);
  const mobilityMap = new MobilityMapMode(app, explore, study.data, mobility);
  const reachMap = new ReachMapMode(app, explore, reach);
  return {
    explore: {
      kind: 'explore',
      map: exploreMap,
      sidebar: mount(ExploreSidebar, {
        view: explore,
        get legends() {
          return exploreMap.legends;
        },
      }),
      panel: mount(ExplorePanel, { view: explore, onPrint: actions.printSheet }),
      table: mount(ExploreTables, { view: explore }),
      stepTools: null,
      readsNeeds: false,
      ...noSettings,
    },
    reach: {
      kind: 'reach',
      map: reachMap,
      sidebar: mount(ReachSidebar, {
        reach,
        get legends() {
          return reachMap.legends;
        },
      }),
      panel: mount(ReachPanel, { reach }),
      table: mount(ReachTable, { reach }),
      stepTools: mount(ReachToolChoice, { reach }),
      readsNeeds: true,
      viewParams: () => study.travel.viewParams(),
      applyView: (v) => study.travel.applyView(v),
    },
    gaps: {
      kind: 'gaps',
      map: gapsMap,
      sidebar: mount(GapsSidebar, {
        gaps,
        get legends() {
          return gapsMap.legends;
        },
      }),
      panel: mount(GapsPanel, { gaps, study }),
      table: mount(GapsTable, { gaps }),
      stepTools: null,
      readsNeeds: true,
      viewParams: () => gaps.viewParams(),
      applyView: (v) => gaps.applyView(v),
    },
    mobility: {
      kind: 'mobility',
      map: mobilityMap,
      sidebar: mount(MobilitySidebar, {
        mobility,
        get legends() {
          return mobilityMap.legends;
        },
      }),
      panel: mount(MobilityPanel, { mobility, study }),
      table: mount(MobilityTable, { mobility }),
      stepTools: null,
      readsNeeds: true,
      refresh: (source, revision) => mobility.refreshSurvey(source, revision),
      viewParams: () => mobility.viewParams(),
      applyView: (v) => mobility.applyView(v),
    },
    import: {
      kind: 'import',
      map: new ImportMapMode(exploreMap, imports),
      sidebar: mount(ImportSidebar, {
        imports,
        get ready() {
          return data.ready;
        },
      }),
      panel: mount(ImportPanel, { imports }),
      table: null,
      stepTools: null,
      readsNeeds: false,
      ...noSettings,
    },
  };
}
