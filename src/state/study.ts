/**
 * The study every tool reads: the open dataset's data, the travel settings and the scenario.
 * Each tool (reach, coverage, mobility) keeps only its own parameters and results on top of it.
 */
import type { AppState } from './app-state.svelte.ts';
import type { ExploreView } from './explore-view.svelte.ts';
import { Scenario } from './scenario.svelte.ts';
import { StudyData } from './study-data.svelte.ts';
import { TravelSettings } from './travel-settings.svelte.ts';

export class Study {
  readonly data: StudyData;
  readonly travel: TravelSettings;
  readonly scenario: Scenario;

  constructor(app: AppState, explore: ExploreView) {
    this.data = new StudyData(app, explore);
    this.travel = new TravelSettings(app, this.data);
    this.scenario = new Scenario(app, this.data, this.travel);
  }

  /** A new dataset: nothing of the previous one's settings or scenario applies. */
  reset(): void {
    this.travel.reset();
    this.scenario.reset();
  }
}
