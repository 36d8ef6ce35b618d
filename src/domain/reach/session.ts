/**
 * A what-if session: the sites of the dataset, the scenario's edits applied one by one to the
 * reach engine, and undo/redo. Each edit and each undo is an incremental update of the engine;
 * the baseline (no edit) is kept to measure the difference. The interface and the headless report
 * both replay edits through this class, so they give the same figures.
 */
import { messageOf } from '../errors.ts';
import type { Site, SiteKind } from '../model.ts';
import { greatCircleKm } from '../travel/geo.ts';
import type { TravelModel, TravelNetwork } from '../travel/model.ts';
import { ReachEngine, mergeChanges, type CommuneChange } from './engine.ts';
import { ScenarioError, type ScenarioEdit, type ScenarioSite } from './scenario.ts';

/**
 * A site outside the network is reached through the nearest commune of the network when that
 * commune's chef-lieu is at most this far; farther ones cannot be nearest within the thresholds.
 */
export const BORDER_ENTRY_KM = 40;

/** The commune of the network whose reference point is nearest to (lon, lat), within maxKm. */
export function nearestCommune(
  net: TravelNetwork,
  lon: number,
  lat: number,
  maxKm: number,
): number | undefined {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return undefined;
  let best: number | undefined;
  let bestKm = maxKm;
  net.grid.forEachNear(lon, lat, maxKm, (i) => {
    const km = greatCircleKm(lon, lat, net.lon[i] as number, net.lat[i] as number);
    if (km <= bestKm) [best, bestKm] = [i, km];
  });
  return best;
}

export type SiteStatus = 'existing' | 'opened' | 'moved' | 'closed';

/** A site as the scenario leaves it. */
export interface SessionSite {
  id: string;
  name: string;
  kind: SiteKind;
  lon: number;
  lat: number;
  communeCode: string;
  capacity: number | null;
  status: SiteStatus;
  /** Where a moved site of the dataset was. */
  origin: { lon: number; lat: number; communeCode: string } | null;
  /** Whether its kind is one of the kinds counted by the reach. */
  counted: boolean;
  /**
   * A site of a neighbouring département (its commune is not in the network): it counts for the
   * nearest-site times, reached through the commune of the network nearest to it.
   */
  outside: boolean;
}

export interface SessionInput {
  model: TravelModel;
  network: TravelNetwork;
  /** Every site of the dataset (any kind). */
  sites: readonly Site[];
  /** Kinds that count as reached. */
  kinds: readonly SiteKind[];
  horizonMinutes: number;
  /** Edits to replay, in order. */
  edits?: readonly ScenarioEdit[];
  /** Edits undone and still redoable, the next to redo last. */
  redo?: readonly ScenarioEdit[];
}

/**
 * A session at one moment, never changed afterwards: what the app's state, its tables and its
 * map read. A new one is taken after each edit, so that whoever reads it sees the change by a new
 * object rather than by a counter.
 */
export interface SessionSnapshot {
  readonly model: TravelModel;
  /** Minutes to the nearest counted site, in network order (a copy of the engine's). */
  readonly minutes: Float64Array;
  /** Minutes with no edit. */
  readonly baseline: Float64Array;
  /** Id of the nearest counted site of each commune, null beyond the horizon. */
  readonly nearestSiteIds: readonly (string | null)[];
  /** With an imported matrix: how many communes' times rest on a measured pair; else null. */
  readonly measuredCount: number | null;
  readonly sites: readonly SessionSite[];
  readonly unplaced: readonly Site[];
  readonly edits: readonly ScenarioEdit[];
  /** Undone edits, the next to redo last. */
  readonly redo: readonly ScenarioEdit[];
  site(id: string): SessionSite | undefined;
}

interface Applied {
  edit: ScenarioEdit;
  undo: () => CommuneChange[];
}

export class ReachSession {
  readonly engine: ReachEngine;
  /** Minutes with no edit. */
  readonly baseline: Float64Array;
  /** Dataset sites whose commune is not in the network (they cannot be placed). */
  readonly unplaced: Site[] = [];
  readonly #network: TravelNetwork;
  readonly #kinds: ReadonlySet<SiteKind>;
  readonly #sites = new Map<string, SessionSite>();
  readonly #done: Applied[] = [];
  #redo: ScenarioEdit[] = [];

  constructor(input: SessionInput) {
    this.#network = input.network;
    this.#kinds = new Set(input.kinds);
    const engineSites = [];
    for (const s of input.sites) {
      const outside = !input.network.indexOf.has(s.communeCode);
      const communeIndex = outside
        ? nearestCommune(input.network, s.lon, s.lat, BORDER_ENTRY_KM)
        : input.network.indexOf.get(s.communeCode);
      if (communeIndex === undefined) {
        this.unplaced.push(s);
        continue;
      }
      const counted = this.#kinds.has(s.kind);
      this.#sites.set(s.id, {
        id: s.id,
        name: s.name,
        kind: s.kind,
        lon: s.lon,
        lat: s.lat,
        communeCode: s.communeCode,
        capacity: s.capacity,
        status: 'existing',
        origin: null,
        counted,
        outside,
      });
      if (counted) engineSites.push({ id: s.id, communeIndex, lon: s.lon, lat: s.lat });
    }
    this.engine = new ReachEngine(
      input.model,
      input.network.count,
      input.horizonMinutes,
      engineSites,
    );
    this.baseline = this.engine.minutes.slice();
    const problems: string[] = [];
    (input.edits ?? []).forEach((e, i) => {
      try {
        this.apply(e);
      } catch (err) {
        problems.push(`modification n° ${i + 1} : ${messageOf(err)}`);
      }
    });
    if (problems.length > 0) throw new ScenarioError(problems);
    this.#redo = [...(input.redo ?? [])];
  }

  get edits(): ScenarioEdit[] {
    return this.#done.map((a) => a.edit);
  }

  /** Undone edits, the next to redo last. */
  get redoStack(): ScenarioEdit[] {
    return [...this.#redo];
  }

  get canUndo(): boolean {
    return this.#done.length > 0;
  }

  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  get sites(): SessionSite[] {
    return [...this.#sites.values()];
  }

  site(id: string): SessionSite | undefined {
    return this.#sites.get(id);
  }

  #commune(code: string): number {
    const i = this.#network.indexOf.get(code);
    if (i === undefined) throw new Error(`commune ${code} absente du jeu de données`);
    return i;
  }

  /** Applies one edit; a new edit clears the redo stack. */
  apply(edit: ScenarioEdit): CommuneChange[] {
    const changes = this.#apply(edit);
    this.#redo = [];
    return changes;
  }

  #apply(edit: ScenarioEdit): CommuneChange[] {
    const engine = this.engine;
    switch (edit.op) {
      case 'open': {
        const s: ScenarioSite = edit.site;
        if (this.#sites.has(s.id)) throw new Error(`un site porte déjà l'identifiant ${s.id}`);
        const communeIndex = this.#commune(s.communeCode);
        const counted = this.#kinds.has(s.kind);
        this.#sites.set(s.id, { ...s, status: 'opened', origin: null, counted, outside: false });
        const changes = counted
          ? engine.open({ id: s.id, communeIndex, lon: s.lon, lat: s.lat })
          : [];
        this.#done.push({
          edit,
          undo: () => {
            this.#sites.delete(s.id);
            return counted ? engine.close(s.id) : [];
          },
        });
        return changes;
      }
      case 'close': {
        const site = this.#sites.get(edit.siteId);
        if (!site) throw new Error(`site ${edit.siteId} inconnu`);
        if (site.status === 'closed') throw new Error(`site ${edit.siteId} déjà fermé`);
        const before = site.status;
        site.status = 'closed';
        const changes = site.counted ? engine.close(site.id) : [];
        this.#done.push({
          edit,
          undo: () => {
            site.status = before;
            return site.counted
              ? engine.open({
                  id: site.id,
                  communeIndex: this.#commune(site.communeCode),
                  lon: site.lon,
                  lat: site.lat,
                })
              : [];
          },
        });
        return changes;
      }
      case 'move': {
        const site = this.#sites.get(edit.siteId);
        if (!site) throw new Error(`site ${edit.siteId} inconnu`);
        if (site.status === 'closed')
          throw new Error(`site ${edit.siteId} fermé : il ne peut être déplacé`);
        const communeIndex = this.#commune(edit.communeCode);
        const before = {
          lon: site.lon,
          lat: site.lat,
          communeCode: site.communeCode,
          status: site.status,
          origin: site.origin,
        };
        if (site.status === 'existing') {
          site.status = 'moved';
          site.origin = { lon: site.lon, lat: site.lat, communeCode: site.communeCode };
        }
        site.lon = edit.lon;
        site.lat = edit.lat;
        site.communeCode = edit.communeCode;
        const changes = site.counted ? engine.move(site.id, communeIndex, edit.lon, edit.lat) : [];
        this.#done.push({
          edit,
          undo: () => {
            Object.assign(site, before);
            return site.counted
              ? engine.move(site.id, this.#commune(before.communeCode), before.lon, before.lat)
              : [];
          },
        });
        return changes;
      }
    }
  }

  /** The session as it is now, copied: later edits do not change it. */
  snapshot(): SessionSnapshot {
    const engine = this.engine;
    const sites = this.sites.map((s) => ({ ...s, origin: s.origin && { ...s.origin } }));
    const byId = new Map(sites.map((s) => [s.id, s]));
    const nearestSiteIds: (string | null)[] = new Array(engine.communeCount);
    for (let c = 0; c < engine.communeCount; c++) nearestSiteIds[c] = engine.nearestSiteId(c);
    let measuredCount: number | null = null;
    if (engine.model.id === 'matrice') {
      measuredCount = 0;
      for (let c = 0; c < engine.communeCount; c++) if (engine.isMeasured(c)) measuredCount++;
    }
    return {
      model: engine.model,
      minutes: engine.minutes.slice(),
      baseline: this.baseline,
      nearestSiteIds,
      measuredCount,
      sites,
      unplaced: this.unplaced,
      edits: this.edits,
      redo: this.redoStack,
      site: (id) => byId.get(id),
    };
  }

  /** Undoes the last edit; null when there is none. */
  undo(): CommuneChange[] | null {
    const last = this.#done.pop();
    if (!last) return null;
    const changes = last.undo();
    this.#redo.push(last.edit);
    return mergeChanges(changes);
  }

  /** Applies again the last undone edit; null when there is none. */
  redo(): CommuneChange[] | null {
    const edit = this.#redo.pop();
    if (!edit) return null;
    return this.#apply(edit);
  }
}
