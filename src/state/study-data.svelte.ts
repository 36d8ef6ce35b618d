/**
 * The study's data, read by every tool: who lives in each commune and what they need (the need
 * chosen, src/data/inputs.ts), the travel network, and the territories of the découpage on
 * screen. Loaded once for all the tools; none of them owns it.
 */
import { loadNeedInputs, type NeedInputs, type TableSource } from '../data/inputs.ts';
import type { DatasetMeta } from '../domain/model.ts';
import { reachData, reachPeople } from '../domain/reach/setup.ts';
import { territoryIndex, type TerritoryIndex } from '../domain/reach/summary.ts';
import type { AppState } from './app-state.svelte.ts';
import type { ExploreView } from './explore-view.svelte.ts';
import { Resource } from './resource.svelte.ts';

export class StudyData {
  readonly #app: AppState;
  readonly #explore: ExploreView;
  /** The need by commune, for a key `revision|needId`. */
  readonly #needs = new Resource<NeedInputs>();

  constructor(app: AppState, explore: ExploreView) {
    this.#app = app;
    this.#explore = explore;
  }

  /** The need loaded last and the key it answers. */
  get needs(): { key: string; value: NeedInputs } | null {
    return this.#needs.current;
  }

  get needsError(): string | null {
    return this.#needs.error;
  }

  /**
   * Loads the need by commune when the tables or the need change, from the tables decoded in the
   * page or from DuckDB (the same answer).
   */
  async refreshNeeds(
    source: TableSource,
    meta: DatasetMeta,
    needId: string,
    revision: number,
  ): Promise<void> {
    await this.#needs.load(`${revision}|${needId}`, () => loadNeedInputs(source, meta, needId));
  }

  readonly #needKey = $derived.by(() => `${this.#app.data.revision}|${this.#app.needId}`);

  /** The network, the names and the need of every commune, once the need has loaded. */
  readonly data = $derived.by(() => {
    const communes = this.#app.data.communes;
    const needs = this.#needs.valueFor(this.#needKey);
    if (communes.length === 0 || !needs) return null;
    return reachData(communes, needs.byCommune, this.#app.data.networkTimes);
  });

  /**
   * Who lives where, as the reach figures count them. In a published dataset, the published value
   * of each commune (secret where masked): the need beyond N minutes is then a sum of published
   * cells where it can be one, and 0 where no commune is beyond. The coverage and mobility
   * tables keep `data`, which has no beneficiaries by commune there.
   */
  readonly people = $derived.by(() => {
    const data = this.data;
    const published = this.#needs.valueFor(this.#needKey)?.published;
    if (!data) return null;
    return published ? reachPeople(this.#app.data.communes, published) : data.people;
  });

  /** Territories of the scheme on screen, once its membership has loaded. */
  readonly territories = $derived.by((): TerritoryIndex | null => {
    const data = this.data;
    const ex = this.#explore;
    if (!data || !ex.current || ex.territoryOf.size === 0) return null;
    return territoryIndex(
      data.network.codes,
      ex.territoryOf,
      new Map(ex.aggregates.map((t) => [t.code, t.name])),
    );
  });

  /** The name of a commune from its code (the code itself when unknown). */
  communeName(code: string): string {
    const i = this.data?.network.indexOf.get(code);
    return i === undefined ? code : (this.data?.names[i] ?? code);
  }
}
