/**
 * The dataset's tables decoded in the page, and the figures the page needs first computed over
 * them in plain JavaScript: the lists of communes, sites and sources, the figures of any scheme
 * (`querySchemeFigures`), the need by commune (`loadNeedInputs`), a scheme's territories and the
 * survey shares (the mobility mode). They answer while DuckDB-WASM is still starting, and at once
 * when the découpage changes; each function follows, clause by clause, the SQL it stands for
 * (queries/territories.ts, queries/schema.ts, queries/reach.ts, queries/publication.ts,
 * queries/gaps.ts), and the tests hold them equal to it on every dataset. Only the dataset's own tables are here: once an import changed them, DuckDB answers.
 */
import {
  COMMUNE_SCHEME_ID,
  type BarrierShare,
  OFFER_KINDS,
  type Commune,
  type DatasetMeta,
  type DatasetTable,
  type SiteKind,
  type Site,
  type Source,
} from '../domain/model.ts';
import type { TerritoryAggregate } from '../domain/indicators.ts';
import type { SchemeFiguresAnswer } from './first-figures.ts';
import type { ReadArtefact } from './load-dataset.ts';
import { DEPARTEMENT_SCHEME_ID } from './queries/schema.ts';
import type { SchemeTerritories } from './queries/reach.ts';
import { toAggregate, type AggregateRow } from './queries/territories.ts';
import { decodeTable, rowToBarrier, rowToCommune, rowToSite, type TableRow } from './tables.ts';

/** The tables read here (the network times are decoded apart, `loadNetworkTimes`). */
const LOCAL_TABLES = [
  'communes',
  'territories',
  'memberships',
  'sites',
  'needs',
  'sources',
  'published_needs',
  'barriers',
] as const satisfies readonly DatasetTable[];

type LocalTable = (typeof LOCAL_TABLES)[number];

/** Strings ordered as DuckDB orders them (its default collation compares the bytes). */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Need {
  communeCode: string;
  value: number | null;
}

/** Sums of one territory, the rows of the SQL's `c`, `n` and `s` parts. */
interface Sums {
  communes: number;
  population: number | null;
  areaKm2: number | null;
  /** The `territory_needs` row, when the territory has one. */
  need: {
    value: number | null;
    known: number;
    secret: number;
    populationKnown: number;
    suppressed: boolean;
  } | null;
  accueilSites: number;
  offerSites: number;
  offerPlacesKnown: number | null;
  offerUnknownCapacity: number;
}

/** SQL's sum: nulls are skipped, and the sum of no value is null. */
const addTo = (sum: number | null, v: number | null | undefined): number | null =>
  v === null || v === undefined ? sum : (sum ?? 0) + v;

export class LocalTables {
  /** Every commune, by code (`listCommunes`). */
  readonly communes: Commune[];
  /** Every site, by id then by order in the table (`listSites`). */
  readonly sites: Site[];
  /** Every source, by id (`listSources`). */
  readonly sources: Source[];
  readonly #meta: DatasetMeta;
  readonly #rows: Partial<Record<LocalTable, TableRow[]>>;
  readonly #communeByCode: Map<string, Commune>;
  readonly #sitesByCommune = new Map<string, Site[]>();

  constructor(meta: DatasetMeta, rows: Partial<Record<LocalTable, TableRow[]>>) {
    this.#meta = meta;
    this.#rows = rows;
    this.communes = (rows.communes ?? []).map(rowToCommune).sort((a, b) => byText(a.code, b.code));
    // Array.prototype.sort is stable: equal ids keep the table's order.
    this.sites = (rows.sites ?? []).map(rowToSite).sort((a, b) => byText(a.id, b.id));
    // The columns `listSources` selects, as DuckDB hands them (null where the cell is empty).
    this.sources = (rows.sources ?? [])
      .map((r) => ({
        id: r.id,
        producer: r.producer,
        title: r.title,
        licence: r.licence,
        millesime: r.millesime,
        url: r.url,
        note: r.note,
      }))
      .sort((a, b) => byText(String(a.id), String(b.id))) as Source[];
    this.#communeByCode = new Map(this.communes.map((c) => [c.code, c]));
    for (const site of this.sites) {
      const list = this.#sitesByCommune.get(site.communeCode) ?? [];
      list.push(site);
      this.#sitesByCommune.set(site.communeCode, list);
    }
  }

  /** Reads and decodes the tables of a dataset (before DuckDB is handed their bytes). */
  static async read(meta: DatasetMeta, read: ReadArtefact): Promise<LocalTables> {
    const files = LOCAL_TABLES.flatMap((t) => {
      const file = meta.tables[t];
      return file ? [[t, file] as const] : [];
    });
    const bytes = await Promise.all(files.map(([, file]) => read(file)));
    const rows: Partial<Record<LocalTable, TableRow[]>> = {};
    files.forEach(([t], i) => (rows[t] = decodeTable(bytes[i] as Uint8Array)));
    return new LocalTables(meta, rows);
  }

  /** Territory of every commune in a scheme (the `all_memberships` view), in the view's order. */
  #memberships(schemeId: string): [commune: string, territory: string][] {
    if (schemeId === COMMUNE_SCHEME_ID) return (this.#rows.communes ?? []).map(codeTwice);
    if (schemeId === DEPARTEMENT_SCHEME_ID) {
      const dep = this.#meta.departement.code;
      return (this.#rows.communes ?? []).map((c) => [String(c.code), dep]);
    }
    return (this.#rows.memberships ?? [])
      .filter((m) => m.scheme_id === schemeId)
      .map((m) => [String(m.commune_code), String(m.territory_code)]);
  }

  /** Territories of a scheme (the `all_territories` view), by code. */
  #territories(schemeId: string): { code: string; name: string }[] {
    const all =
      schemeId === COMMUNE_SCHEME_ID
        ? (this.#rows.communes ?? []).map((c) => ({ code: String(c.code), name: String(c.name) }))
        : schemeId === DEPARTEMENT_SCHEME_ID
          ? [{ code: this.#meta.departement.code, name: this.#meta.departement.name }]
          : (this.#rows.territories ?? [])
              .filter((t) => t.scheme_id === schemeId)
              .map((t) => ({ code: String(t.code), name: String(t.name) }));
    return all.sort((a, b) => byText(a.code, b.code));
  }

  /** Territory and names of a scheme (`schemeTerritories`). */
  schemeTerritories(schemeId: string): SchemeTerritories {
    return {
      territoryOf: new Map(this.#memberships(schemeId)),
      names: new Map(this.#territories(schemeId).map((t) => [t.code, t.name])),
    };
  }

  /**
   * The survey shares of one question (`listBarriers`), by scheme, territory and answer; rows
   * equal on those keep the table's order.
   */
  barriers(question: string): BarrierShare[] {
    const key = (b: BarrierShare) => [b.schemeId, b.territoryCode, b.answer];
    return (this.#rows.barriers ?? [])
      .filter((r) => r.question === question)
      .map(rowToBarrier)
      .sort((a, b) => {
        const [ka, kb] = [key(a), key(b)];
        for (let i = 0; i < ka.length; i++) {
          const c = byText(ka[i] as string, kb[i] as string);
          if (c !== 0) return c;
        }
        return 0;
      });
  }

  /**
   * The need of every commune that has a row (the `commune_needs` view): null when one of its
   * rows is masked, else the sum of its rows.
   */
  communeNeeds(needId: string): Map<string, number | null> {
    const out = new Map<string, number | null>();
    const masked = new Set<string>();
    for (const n of this.#needRows(needId)) {
      if (n.value === null) masked.add(n.communeCode);
      out.set(n.communeCode, (out.get(n.communeCode) ?? 0) + (n.value ?? 0));
    }
    for (const code of masked) out.set(code, null);
    return new Map([...out].sort(([a], [b]) => byText(a, b)));
  }

  #needRows(needId: string): Need[] {
    return (this.#rows.needs ?? []).flatMap((n) =>
      n.indicator === needId && n.commune_code !== null
        ? [
            {
              communeCode: String(n.commune_code),
              value: n.value === null ? null : Number(n.value),
            },
          ]
        : [],
    );
  }

  /** The published rows of one need by territory of a scheme (`published_needs`). */
  #publishedNeeds(schemeId: string, needId: string): Map<string, TableRow> {
    const out = new Map<string, TableRow>();
    for (const r of this.#rows.published_needs ?? []) {
      if (r.scheme_id === schemeId && r.indicator === needId) out.set(String(r.territory_code), r);
    }
    return out;
  }

  /**
   * The published need of every commune (`publishedCommuneNeeds`): the value where published,
   * null where masked, no entry where the commune has none.
   */
  publishedCommuneNeeds(needId: string): Map<string, number | null> {
    const rows = [...this.#publishedNeeds(COMMUNE_SCHEME_ID, needId)].sort(([a], [b]) =>
      byText(a, b),
    );
    const out = new Map<string, number | null>();
    for (const [code, r] of rows) {
      if (r.value !== null) out.set(code, Number(r.value));
      else if (r.suppressed === 1 || Number(r.communes_secret ?? 0) > 0) out.set(code, null);
    }
    return out;
  }

  /** The figures of a scheme for a need, as `querySchemeFigures` answers them. */
  schemeFigures(
    schemeId: string,
    needId: string,
    accueilKinds: readonly SiteKind[],
  ): SchemeFiguresAnswer {
    const members = this.#memberships(schemeId);
    const [total] = this.#aggregates(DEPARTEMENT_SCHEME_ID, needId, accueilKinds);
    return {
      aggregates: this.#aggregates(schemeId, needId, accueilKinds, members),
      territoryOf: new Map(members),
      total: total ?? null,
    };
  }

  /** `territoryAggregates`, the SQL of queries/territories.ts part by part. */
  #aggregates(
    schemeId: string,
    needId: string,
    accueilKinds: readonly SiteKind[],
    members = this.#memberships(schemeId),
  ): TerritoryAggregate[] {
    const sums = new Map<string, Sums>();
    const sumsOf = (code: string): Sums => {
      let s = sums.get(code);
      if (!s) {
        s = {
          communes: 0,
          population: null,
          areaKm2: null,
          need: null,
          accueilSites: 0,
          offerSites: 0,
          offerPlacesKnown: null,
          offerUnknownCapacity: 0,
        };
        sums.set(code, s);
      }
      return s;
    };
    const published = this.#rows.published_needs ? this.#publishedNeeds(schemeId, needId) : null;
    const communeNeeds = published ? null : this.communeNeeds(needId);
    const accueil = new Set<string>(accueilKinds);
    const offer = new Set<string>(OFFER_KINDS);
    for (const [communeCode, territory] of members) {
      const s = sumsOf(territory);
      const commune = this.#communeByCode.get(communeCode);
      // c: the communes of the territory that the communes table has.
      if (commune) {
        s.communes++;
        s.population = addTo(s.population, commune.population);
        s.areaKm2 = addTo(s.areaKm2, commune.areaKm2);
      }
      // n (territory_needs over commune_needs): the communes with a need row.
      if (communeNeeds && commune && communeNeeds.has(communeCode)) {
        const value = communeNeeds.get(communeCode) ?? null;
        const n = (s.need ??= {
          value: null,
          known: 0,
          secret: 0,
          populationKnown: 0,
          suppressed: false,
        });
        if (value === null) n.secret++;
        else {
          n.value = (n.value ?? 0) + value;
          n.known++;
          n.populationKnown += commune.population;
        }
      }
      // s: the sites located in the territory's communes.
      for (const site of this.#sitesByCommune.get(communeCode) ?? []) {
        if (accueil.has(site.kind)) s.accueilSites++;
        if (!offer.has(site.kind)) continue;
        s.offerSites++;
        if (site.capacity === null) s.offerUnknownCapacity++;
        else s.offerPlacesKnown = (s.offerPlacesKnown ?? 0) + site.capacity;
      }
    }
    if (published) {
      for (const [code, r] of published) {
        sumsOf(code).need = {
          value: r.value === null ? null : Number(r.value),
          known: Number(r.communes_known ?? 0),
          secret: Number(r.communes_secret ?? 0),
          populationKnown: Number(r.population_known ?? 0),
          suppressed: r.suppressed === 1,
        };
      }
    }
    return this.#territories(schemeId).map((t) => {
      const s = sums.get(t.code);
      const row: AggregateRow = {
        code: t.code,
        name: t.name,
        communes: s?.communes ?? 0,
        population: s?.population ?? 0,
        area_km2: s?.areaKm2 ?? 0,
        need_known: s?.need?.value ?? null,
        communes_known: s?.need?.known ?? 0,
        communes_secret: s?.need?.secret ?? 0,
        population_known: s?.need?.populationKnown ?? 0,
        suppressed: s?.need?.suppressed ?? false,
        accueil_sites: s?.accueilSites ?? 0,
        offer_sites: s?.offerSites ?? 0,
        offer_places_known: s?.offerPlacesKnown ?? 0,
        offer_unknown_capacity: s?.offerUnknownCapacity ?? 0,
      };
      return toAggregate(row);
    });
  }
}

const codeTwice = (c: TableRow): [string, string] => [String(c.code), String(c.code)];
