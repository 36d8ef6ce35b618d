/**
 * The communes an import can refer to, and how a row finds its commune: by INSEE code (current or
 * former, for communes merged since the file was made), by name within the département, or by
 * point. Matching never guesses: a name shared by two communes is reported as ambiguous.
 */
import { nameKeys } from './names.ts';
import type { ReportBuilder } from './report.ts';

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
  | { kind: 'arrondissement'; commune: CommuneRef; city: string }
  | { kind: 'unknown' };

/**
 * The municipal arrondissements of Paris, Marseille and Lyon: INSEE codes of their own (France
 * Services and many lists use them), inside one commune of the COG.
 */
export const ARRONDISSEMENTS: readonly {
  city: string;
  commune: string;
  codes: [number, number];
}[] = [
  { city: 'Paris', commune: '75056', codes: [75101, 75120] },
  { city: 'Marseille', commune: '13055', codes: [13201, 13216] },
  { city: 'Lyon', commune: '69123', codes: [69381, 69389] },
];

/** The commune and city of an arrondissement code ("13201" → 13055, Marseille), or null. */
export function arrondissementOf(code: string): { commune: string; city: string } | null {
  if (!/^\d{5}$/.test(code)) return null;
  const n = Number(code);
  const a = ARRONDISSEMENTS.find((x) => n >= x.codes[0] && n <= x.codes[1]);
  return a ? { commune: a.commune, city: a.city } : null;
}

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
    const arrondissement = arrondissementOf(code);
    const city = arrondissement ? this.#byCode.get(arrondissement.commune) : undefined;
    if (arrondissement && city)
      return { kind: 'arrondissement', commune: city, city: arrondissement.city };
    return { kind: 'unknown' };
  }

  /** The former communes the index knows (merged, renamed), for the browser's imports. */
  get formers(): FormerCommune[] {
    return [...this.#former.values()];
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

/**
 * The commune of a code of a file's row, or null when the index does not know it. A former
 * commune's code or an arrondissement's is brought to today's commune, and the report says so
 * (a repair of the row, and the remap with its reason).
 */
export function communeOfCode(
  code: string,
  communes: CommuneIndex,
  line: number,
  report: ReportBuilder,
): CommuneRef | null {
  const m = communes.byCode(code);
  if (m.kind === 'unknown') return null;
  if (m.kind === 'former') {
    report.repair(line, 'commune_remapped');
    report.remap(line, code, m.commune.code, `ancienne commune ${m.former.name}`);
  } else if (m.kind === 'arrondissement') {
    report.repair(line, 'arrondissement');
    report.remap(line, code, m.commune.code, `arrondissement municipal de ${m.city}`);
  }
  return m.commune;
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
