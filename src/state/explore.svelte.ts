/**
 * Figures of the explore view: aggregates of every territory of the scheme, the département
 * total, and the selected territory's details. Each refresh runs only when its inputs changed, and
 * a late answer to an older request is dropped.
 */
import { messageOf } from '../domain/errors.ts';
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
import type { TerritoryAggregate } from '../domain/indicators.ts';

export class SchemeFigures {
  aggregates = $state.raw<TerritoryAggregate[]>([]);
  territoryOf = $state.raw<Map<string, string>>(new Map());
  total = $state.raw<TerritoryAggregate | null>(null);
  error = $state<string | null>(null);
  /** Key of the inputs the figures describe ("" before the first answer). */
  key = $state('');
  #pending = '';
  #snapshot: FirstFigures | null = null;

  async refresh(db: Db, schemeId: string, needId: string, revision: number): Promise<void> {
    const key = `${revision}|${schemeId}|${needId}`;
    if (key === this.key || key === this.#pending) return;
    this.#pending = key;
    try {
      const answer = await querySchemeFigures(db, schemeId, needId);
      if (this.#pending !== key) return;
      this.#show(answer, key);
      // Timing mark read by the benchmark and the browser tests: live figures replaced the
      // snapshot's (or came first, without one).
      if (performance.getEntriesByName('app:live-figures').length === 0)
        performance.mark('app:live-figures');
    } catch (e) {
      if (this.#pending === key) this.error = messageOf(e);
    }
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
    // A late live answer about the tables of before is dropped.
    this.#pending = key;
    this.#show(answer, key);
  }

  #show(answer: SchemeFiguresAnswer, key: string): void {
    this.aggregates = answer.aggregates;
    this.territoryOf = answer.territoryOf;
    this.total = answer.total;
    this.error = null;
    this.key = key;
  }
}

export interface TerritoryDetail {
  key: string;
  byAxis: OfferLine[];
  byKind: OfferLine[];
  communes: CommuneLine[];
}

export class TerritoryDetails {
  detail = $state.raw<TerritoryDetail | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  #pending = '';

  async refresh(
    db: Db,
    schemeId: string,
    code: string,
    needId: string,
    revision: number,
  ): Promise<void> {
    const key = `${revision}|${schemeId}|${code}|${needId}`;
    if (key === this.detail?.key || key === this.#pending) return;
    this.#pending = key;
    this.loading = true;
    try {
      const [byAxis, byKind, communes] = await Promise.all([
        territoryOfferByAxis(db, schemeId, code),
        territoryOfferByKind(db, schemeId, code),
        territoryCommunes(db, schemeId, code, needId),
      ]);
      if (this.#pending !== key) return;
      this.detail = { key, byAxis, byKind, communes };
      this.error = null;
    } catch (e) {
      if (this.#pending === key) this.error = messageOf(e);
    } finally {
      if (this.#pending === key) this.loading = false;
    }
  }
}
