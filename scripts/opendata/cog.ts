/**
 * The official commune list (COG 2024), its populations, former communes and EPCI, from the npm
 * package @etalab/decoupage-administratif, pinned at 4.0.0: the version whose data is the COG
 * 2024 with the populations légales 2021 in force on 1 January 2024, the millésime of the INSEE
 * zoning table (bassins de vie 2022) and of the 2024 contours. A later version of the package
 * would move the whole build to a later COG.
 */
import { createRequire } from 'node:module';
import type { CommuneRef, FormerCommune } from '../../src/domain/import/commune-index.ts';
import type { Epci } from '../../src/domain/import/pti-territories.ts';

export const COG_YEAR = 2024;

interface RawCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement?: string;
  chefLieu?: string;
  anciensCodes?: string[];
  codesPostaux?: string[];
  population?: number;
}

interface RawEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}

interface RawDepartement {
  code: string;
  nom: string;
}

const require = createRequire(import.meta.url);

export interface CogDepartement {
  code: string;
  name: string;
  communes: (CommuneRef & { population: number | null })[];
  formers: FormerCommune[];
  epcis: Epci[];
}

export function loadCog(dep: string): CogDepartement {
  const departements =
    require('@etalab/decoupage-administratif/data/departements.json') as RawDepartement[];
  const d = departements.find((x) => x.code === dep);
  if (!d) throw new Error(`Département inconnu du COG ${COG_YEAR} : « ${dep} »`);
  const all = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const communes = all
    .filter((c) => c.type === 'commune-actuelle' && c.departement === dep)
    .map((c) => ({
      code: c.code,
      name: c.nom,
      dep,
      postcodes: c.codesPostaux ?? [],
      population: c.population ?? null,
    }));
  const current = new Set(communes.map((c) => c.code));
  const formers: FormerCommune[] = [];
  for (const c of all) {
    if (
      (c.type === 'commune-deleguee' || c.type === 'commune-associee') &&
      c.chefLieu &&
      current.has(c.chefLieu) &&
      c.code !== c.chefLieu
    ) {
      formers.push({ code: c.code, name: c.nom, currentCode: c.chefLieu });
    }
  }
  // Former codes without a delegated commune (plain merges) keep only their code.
  const known = new Set(formers.map((f) => f.code));
  for (const c of all) {
    if (c.type !== 'commune-actuelle' || c.departement !== dep) continue;
    for (const old of c.anciensCodes ?? []) {
      if (!known.has(old) && !current.has(old))
        formers.push({ code: old, name: old, currentCode: c.code });
    }
  }
  const epciList = require('@etalab/decoupage-administratif/data/epci.json') as RawEpci[];
  const epcis = epciList
    .map((e) => ({
      code: e.code,
      name: e.nom,
      communes: e.membres.map((m) => m.code).filter((c) => current.has(c)),
    }))
    .filter((e) => e.communes.length > 0);
  return { code: d.code, name: d.nom, communes, formers, epcis };
}
