/**
 * The communes an import can refer to, and how a row finds its commune: by INSEE code (current or
 * former, for communes merged since the file was made), by name within the département, or by
 * point. Matching never guesses: a name shared by two communes is reported as ambiguous.
 */
import { nameKeys } from './names.ts';

export interface CommuneRef {
  code: string;
  name: string;
  /** Département code ("62", "2A", "974"). */
  dep: string;
  /** Reference point (chef-lieu), WGS84, when known. */
  lon?: number;
  lat?: number;
  postcodes?: string[];
}

/** A former commune (merged, renamed) and the current commune that took it over. */
export interface FormerCommune {
  code: string;
  name: string;
  currentCode: string;
}

export type CodeMatch =
  | { kind: 'current'; commune: CommuneRef }
  | { kind: 'former'; commune: CommuneRef; former: FormerCommune }
  | { kind: 'unknown' };

export type NameMatch =
  | { kind: 'unique'; commune: CommuneRef; viaFormer?: FormerCommune }
  | { kind: 'ambiguous'; candidates: CommuneRef[] }
  | { kind: 'unknown' };

export class CommuneIndex {
  readonly communes: readonly CommuneRef[];
  #byCode = new Map<string, CommuneRef>();
  #former = new Map<string, FormerCommune>();
  /**
   * dep|key → communes: the full normalised name first, then the other keys (name without its
   * article…), so that "PORTEL" prefers a commune named Portel to Le Portel.
   */
  #byName = new Map<string, CommuneRef[]>();
  #byAltName = new Map<string, CommuneRef[]>();
  #byFormerName = new Map<string, { commune: CommuneRef; former: FormerCommune }[]>();

  constructor(communes: readonly CommuneRef[], formers: readonly FormerCommune[] = []) {
    this.communes = communes;
    for (const c of communes) {
      this.#byCode.set(c.code, c);
      const [full, ...alt] = nameKeys(c.name);
      push(this.#byName, `${c.dep}|${full}`, c);
      for (const key of alt) push(this.#byAltName, `${c.dep}|${key}`, c);
    }
    for (const f of formers) {
      const commune = this.#byCode.get(f.currentCode);
      if (!commune || this.#byCode.has(f.code)) continue;
      this.#former.set(f.code, f);
      for (const key of nameKeys(f.name)) {
        push(this.#byFormerName, `${commune.dep}|${key}`, { commune, former: f });
      }
    }
  }

  get(code: string): CommuneRef | undefined {
    return this.#byCode.get(code);
  }

  byCode(code: string): CodeMatch {
    const commune = this.#byCode.get(code);
    if (commune) return { kind: 'current', commune };
    const former = this.#former.get(code);
    const current = former ? this.#byCode.get(former.currentCode) : undefined;
    if (former && current) return { kind: 'former', commune: current, former };
    return { kind: 'unknown' };
  }

  /**
   * A commune by name within one or more départements. A postcode, when given, settles a name
   * shared by several communes if exactly one of them has it.
   */
  byName(name: string, deps: readonly string[], postcode?: string | null): NameMatch {
    const keys = nameKeys(name);
    const lookups = [
      ...keys.map((k) => [this.#byName, k] as const),
      ...keys.map((k) => [this.#byAltName, k] as const),
    ];
    for (const [map, key] of lookups) {
      const found = uniqueByCode(deps.flatMap((d) => map.get(`${d}|${key}`) ?? []));
      if (found.length === 1) return { kind: 'unique', commune: found[0] as CommuneRef };
      if (found.length > 1) {
        const withPostcode = postcode ? found.filter((c) => c.postcodes?.includes(postcode)) : [];
        if (withPostcode.length === 1) {
          return { kind: 'unique', commune: withPostcode[0] as CommuneRef };
        }
        return { kind: 'ambiguous', candidates: found };
      }
    }
    for (const key of keys) {
      const found = deps.flatMap((d) => this.#byFormerName.get(`${d}|${key}`) ?? []);
      const communes = uniqueByCode(found.map((f) => f.commune));
      if (communes.length === 1) {
        const f = found[0] as { commune: CommuneRef; former: FormerCommune };
        return { kind: 'unique', commune: f.commune, viaFormer: f.former };
      }
      if (communes.length > 1) return { kind: 'ambiguous', candidates: communes };
    }
    return { kind: 'unknown' };
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function uniqueByCode(list: CommuneRef[]): CommuneRef[] {
  const seen = new Set<string>();
  return list.filter((c) => (seen.has(c.code) ? false : (seen.add(c.code), true)));
}
