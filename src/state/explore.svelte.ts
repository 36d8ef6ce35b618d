/**
 * Figures of the explore view: aggregates of every territory of the scheme, the département
 * total, and the selected territory's details. Each refresh runs only when its inputs changed, and
 * a late answer to an older request is dropped.
 */
import { messageOf } from '../domain/errors.ts';
import type { Db } from '../data/db.ts';
import {
  communeTerritories,
  territoryAggregates,
  territoryCommunes,
  territoryOfferByAxis,
  territoryOfferByKind,
  type CommuneLine,
  type OfferLine,
} from '../data/queries/territories.ts';
import { DEPARTEMENT_SCHEME_ID } from '../data/queries/schema.ts';
import type { TerritoryAggregate } from '../domain/indicators.ts';
import { ACCUEIL_KINDS } from '../domain/model.ts';

export class SchemeFigures {
  aggregates = $state.raw<TerritoryAggregate[]>([]);
  territoryOf = $state.raw<Map<string, string>>(new Map());
  total = $state.raw<TerritoryAggregate | null>(null);
  error = $state<string | null>(null);
  /** Key of the inputs the figures describe ("" before the first answer). */
  key = $state('');
  #pending = '';

  async refresh(db: Db, schemeId: string, needId: string, revision: number): Promise<void> {
    const key = `${revision}|${schemeId}|${needId}`;
    if (key === this.key || key === this.#pending) return;
    this.#pending = key;
    try {
      const [aggregates, territoryOf, [total]] = await Promise.all([
        territoryAggregates(db, { schemeId, needId, accueilKinds: ACCUEIL_KINDS }),
        communeTerritories(db, schemeId),
        // The département from its own published figure: summing territories would be wrong
        // where secrecy hides some of them.
        territoryAggregates(db, {
          schemeId: DEPARTEMENT_SCHEME_ID,
          needId,
          accueilKinds: ACCUEIL_KINDS,
        }),
      ]);
      if (this.#pending !== key) return;
      this.aggregates = aggregates;
      this.territoryOf = territoryOf;
      this.total = total ?? null;
      this.error = null;
      this.key = key;
    } catch (e) {
      if (this.#pending === key) this.error = messageOf(e);
    }
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
