/**
 * Figures of the explore view: aggregates of every territory of the scheme, the département
 * total, and the selected territory's details. Each refresh runs only when its inputs changed, and
 * a late answer to an older request is dropped.
 */
import type { Db } from '../data/db.ts';
import {
  querySchemeFigures,
  snapshotAnswer,
  type FirstFigures,
  type SchemeFiguresAnswer,
} from '../data/first-figures.ts';
import {
  territoryCommunes,
  territoryOfferByAxis,
  territoryOfferByKind,
  type CommuneLine,
  type OfferLine,
} from '../data/queries/territories.ts';
import { Resource } from './resource.svelte.ts';

export class SchemeFigures {
  readonly #answer = new Resource<SchemeFiguresAnswer>();
  #snapshot: FirstFigures | null = null;

  /** The last answer (live or the snapshot's), whatever scheme and need it answers: see `key`. */
  get answer(): SchemeFiguresAnswer | null {
    return this.#answer.value;
  }

  get error(): string | null {
    return this.#answer.error;
  }

  /** Key of the inputs the figures describe ("" before the first answer). */
  get key(): string {
    return this.#answer.key ?? '';
  }

  async refresh(db: Db, schemeId: string, needId: string, revision: number): Promise<void> {
    const shown = await this.#answer.load(`${revision}|${schemeId}|${needId}`, () =>
      querySchemeFigures(db, schemeId, needId),
    );
    // Timing mark read by the benchmark and the browser tests: live figures replaced the
    // snapshot's (or came first, without one).
    if (shown && performance.getEntriesByName('app:live-figures').length === 0)
      performance.mark('app:live-figures');
  }

  /**
   * Shows the build's snapshot of the figures while DuckDB starts, when it holds the scheme and
   * need on screen and no live answer has come yet. The first live refresh replaces them (its key
   * carries the tables' revision, never "snapshot").
   */
  showSnapshot(snapshot: FirstFigures, schemeId: string, needId: string): void {
    const key = `snapshot|${schemeId}|${needId}`;
    if (key === this.key && snapshot === this.#snapshot) return;
    const answer = snapshotAnswer(snapshot, schemeId, needId);
    if (!answer) return;
    this.#snapshot = snapshot;
    this.#answer.set(key, answer);
  }
}

export interface TerritoryDetail {
  key: string;
  byAxis: OfferLine[];
  byKind: OfferLine[];
  communes: CommuneLine[];
}

export class TerritoryDetails {
  readonly #detail = new Resource<TerritoryDetail>();

  get detail(): TerritoryDetail | null {
    return this.#detail.value;
  }

  get loading(): boolean {
    return this.#detail.loading;
  }

  get error(): string | null {
    return this.#detail.error;
  }

  async refresh(
    db: Db,
    schemeId: string,
    code: string,
    needId: string,
    revision: number,
  ): Promise<void> {
    const key = `${revision}|${schemeId}|${code}|${needId}`;
    await this.#detail.load(key, async () => {
      const [byAxis, byKind, communes] = await Promise.all([
        territoryOfferByAxis(db, schemeId, code),
        territoryOfferByKind(db, schemeId, code),
        territoryCommunes(db, schemeId, code, needId),
      ]);
      return { key, byAxis, byKind, communes };
    });
  }
}
