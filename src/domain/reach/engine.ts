/**
 * Minutes from every commune to its nearest open site, kept up to date as sites open, close and
 * move, without ever recomputing what did not change:
 * - opening a site is one pass over the communes within the horizon of it (a min-update);
 * - closing a site recomputes only the communes whose nearest site it was;
 * - moving is closing then opening at the new place.
 * The nearest site is the one with the smallest time, ties going to the site first added, so the
 * incremental answer is identical, bit for bit, to a full recompute (tested).
 *
 * Times beyond `horizonMinutes` are not computed: such communes get Infinity ("more than the
 * horizon"). The horizon is at least the reach threshold and the last band of the map, so every
 * figure shown is exact; it is what keeps a national run from touching 35 000² pairs.
 */
import type { TravelModel } from '../travel/model.ts';

/** A site as the engine sees it: where it is. */
export interface EngineSite {
  id: string;
  /** Index of the site's commune in the travel network. */
  communeIndex: number;
  lon: number;
  lat: number;
}

/** One commune whose time changed. */
export interface CommuneChange {
  commune: number;
  before: number;
  after: number;
}

/** The reach horizon: never below 90 min, nor below the threshold asked for. */
export const MIN_HORIZON_MINUTES = 90;

export const horizonFor = (maxMinutes: number) => Math.max(MIN_HORIZON_MINUTES, maxMinutes);

// Guards the search radius against the rounding of `budget - offset` (the exact test is on t).
const EPSILON = 1e-9;

interface Slot {
  id: string;
  commune: number;
  lon: number;
  lat: number;
  /** accessMinutes + localMinutes: what the site adds to the commune-to-commune time. */
  offset: number;
  open: boolean;
}

export class ReachEngine {
  readonly model: TravelModel;
  readonly communeCount: number;
  readonly horizonMinutes: number;
  /** Minutes to the nearest open site, Infinity beyond the horizon. */
  readonly minutes: Float64Array;
  /** Slot of the nearest open site, -1 when none within the horizon. */
  readonly nearest: Int32Array;
  readonly #slots: Slot[] = [];
  readonly #slotOf = new Map<string, number>();
  /** Open slots of each commune. */
  readonly #openAt: (number[] | undefined)[];

  constructor(
    model: TravelModel,
    communeCount: number,
    horizonMinutes: number,
    sites: readonly EngineSite[] = [],
  ) {
    if (!(horizonMinutes > 0)) throw new Error(`Horizon invalide : ${horizonMinutes}`);
    this.model = model;
    this.communeCount = communeCount;
    this.horizonMinutes = horizonMinutes;
    this.minutes = new Float64Array(communeCount).fill(Infinity);
    this.nearest = new Int32Array(communeCount).fill(-1);
    this.#openAt = new Array(communeCount);
    for (const s of sites) this.#addSlot(s);
    this.recomputeAll();
  }

  #checkCommune(c: number): void {
    if (!Number.isInteger(c) || c < 0 || c >= this.communeCount) {
      throw new Error(`Commune hors du réseau : ${c}`);
    }
  }

  #addSlot(s: EngineSite): number {
    if (this.#slotOf.has(s.id)) throw new Error(`Site en double : ${s.id}`);
    this.#checkCommune(s.communeIndex);
    const slot = this.#slots.length;
    this.#slots.push({
      id: s.id,
      commune: s.communeIndex,
      lon: s.lon,
      lat: s.lat,
      offset: this.model.accessMinutes + this.model.localMinutes(s.communeIndex, s.lon, s.lat),
      open: true,
    });
    this.#slotOf.set(s.id, slot);
    (this.#openAt[s.communeIndex] ??= []).push(slot);
    return slot;
  }

  /** Whether (t, slot) beats the current nearest site of commune c. */
  #better(c: number, t: number, slot: number): boolean {
    const cur = this.minutes[c] as number;
    return t < cur || (t === cur && slot < (this.nearest[c] as number));
  }

  /**
   * Every time from scratch: each open site pushes its time to the communes within the horizon.
   * The naive baseline of the benchmark, and the first answer.
   */
  recomputeAll(): void {
    this.minutes.fill(Infinity);
    this.nearest.fill(-1);
    for (let slot = 0; slot < this.#slots.length; slot++) {
      if ((this.#slots[slot] as Slot).open) this.#push(slot, null);
    }
  }

  /** Opens a new site, or opens again a closed one (same id, same place). */
  open(site: EngineSite): CommuneChange[] {
    let slot = this.#slotOf.get(site.id);
    if (slot === undefined) {
      slot = this.#addSlot(site);
    } else {
      const s = this.#slots[slot] as Slot;
      if (s.open) throw new Error(`Site déjà ouvert : ${site.id}`);
      if (s.commune !== site.communeIndex || s.lon !== site.lon || s.lat !== site.lat) {
        this.#place(s, site.communeIndex, site.lon, site.lat);
      }
      s.open = true;
      (this.#openAt[s.commune] ??= []).push(slot);
    }
    return this.#push(slot, []) as CommuneChange[];
  }

  /** Min-update of the communes within the horizon of an open slot. */
  #push(slot: number, changes: CommuneChange[] | null): CommuneChange[] | null {
    const s = this.#slots[slot] as Slot;
    const h = this.horizonMinutes;
    this.model.forEachOriginWithin(s.commune, h - s.offset + EPSILON, (c, m) => {
      const t = m + s.offset;
      if (t <= h && this.#better(c, t, slot)) {
        changes?.push({ commune: c, before: this.minutes[c] as number, after: t });
        this.minutes[c] = t;
        this.nearest[c] = slot;
      }
    });
    return changes;
  }

  #place(s: Slot, communeIndex: number, lon: number, lat: number): void {
    this.#checkCommune(communeIndex);
    s.commune = communeIndex;
    s.lon = lon;
    s.lat = lat;
    s.offset = this.model.accessMinutes + this.model.localMinutes(communeIndex, lon, lat);
  }

  close(id: string): CommuneChange[] {
    const slot = this.#slotOf.get(id);
    const s = slot === undefined ? undefined : this.#slots[slot];
    if (slot === undefined || !s || !s.open) throw new Error(`Site absent ou déjà fermé : ${id}`);
    s.open = false;
    const list = this.#openAt[s.commune] as number[];
    list.splice(list.indexOf(slot), 1);
    return this.#release(slot, []);
  }

  /** Finds a new nearest site for the communes that had `slot`. */
  #release(slot: number, changes: CommuneChange[]): CommuneChange[] {
    const h = this.horizonMinutes;
    const budget = h - this.model.accessMinutes + EPSILON;
    for (let c = 0; c < this.communeCount; c++) {
      if (this.nearest[c] !== slot) continue;
      const before = this.minutes[c] as number;
      let bestT = Infinity;
      let best = -1;
      this.model.forEachDestinationWithin(c, budget, (j, m) => {
        const open = this.#openAt[j];
        if (!open) return;
        for (const o of open) {
          const t = m + (this.#slots[o] as Slot).offset;
          if (t <= h && (t < bestT || (t === bestT && o < best))) {
            bestT = t;
            best = o;
          }
        }
      });
      this.minutes[c] = bestT;
      this.nearest[c] = best;
      if (bestT !== before) changes.push({ commune: c, before, after: bestT });
    }
    return changes;
  }

  /** Moves an open site: closing it where it was, opening it where it goes. */
  move(id: string, communeIndex: number, lon: number, lat: number): CommuneChange[] {
    const slot = this.#slotOf.get(id);
    const s = slot === undefined ? undefined : this.#slots[slot];
    if (slot === undefined || !s || !s.open) throw new Error(`Site absent ou fermé : ${id}`);
    const list = this.#openAt[s.commune] as number[];
    list.splice(list.indexOf(slot), 1);
    const changes = this.#release(slot, []);
    this.#place(s, communeIndex, lon, lat);
    (this.#openAt[communeIndex] ??= []).push(slot);
    return mergeChanges(this.#push(slot, changes) as CommuneChange[]);
  }

  has(id: string): boolean {
    return this.#slotOf.has(id);
  }

  isOpen(id: string): boolean {
    const slot = this.#slotOf.get(id);
    return slot !== undefined && (this.#slots[slot] as Slot).open;
  }

  /** Id of the nearest open site of a commune, or null beyond the horizon. */
  nearestSiteId(commune: number): string | null {
    const slot = this.nearest[commune] as number;
    return slot < 0 ? null : (this.#slots[slot] as Slot).id;
  }

  /** Whether the time of commune c rests on a measured pair (imported matrix). */
  isMeasured(commune: number): boolean {
    const slot = this.nearest[commune] as number;
    return slot >= 0 && this.model.isMeasured(commune, (this.#slots[slot] as Slot).commune);
  }
}

/** One change per commune: first `before`, last `after`; communes back to their time dropped. */
export function mergeChanges(changes: readonly CommuneChange[]): CommuneChange[] {
  const byCommune = new Map<number, CommuneChange>();
  for (const ch of changes) {
    const prev = byCommune.get(ch.commune);
    byCommune.set(ch.commune, prev ? { ...prev, after: ch.after } : { ...ch });
  }
  return [...byCommune.values()].filter((c) => c.before !== c.after);
}
