/**
 * The reach engine on real geography: the communes of Pas-de-Calais, Hérault and Meuse (town-hall
 * points, INSEE populations and areas) and their France Services sites, read from the open-data
 * folder beside the project (never copied into it). Skipped, with a message, when it is absent.
 */
import { formatNumber } from '../format.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { densityLevel } from '../density.ts';
import type { Commune, Site } from '../model.ts';
import { createRandom } from '../random.ts';
import { defaultAssumptions } from './scenario.ts';
import { reachData, reachSession } from './setup.ts';
import { greedySiting } from './siting.ts';
import { summariseReach, territoryIndex } from './summary.ts';

const DIR = process.env.OPENDATA_DIR ?? resolve(import.meta.dirname, '../../../../shared/opendata');
const present = existsSync(join(DIR, 'accueil', 'france-services-20240801.csv'));
if (!present)
  console.warn(`Données ouvertes absentes (${DIR}) : tests sur données réelles ignorés.`);

/** RFC 4180 CSV, quoted fields with line breaks included. */
function parseCsv(text: string, sep = ','): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header, ...data] = rows;
  return data
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i] ?? ''])));
}

const read = (path: string) => parseCsv(readFileSync(join(DIR, path), 'utf8'));

function departement(dep: string): { communes: Commune[]; sites: Site[] } {
  const population = new Map(
    read('population/insee_pop_municipale_2021_cog2024.csv').map((r) => [r.CODGEO, Number(r.POP)]),
  );
  const area = new Map(
    read('population/rcarlier_communes_cog2024_comparateur.csv')
      .filter((r) => r.insee_dep === dep && r.commune_type === 'COM')
      .map((r) => [r.insee_com, Number(r.superficie_km2)]),
  );
  const communes: Commune[] = read('population/communes_chefs_lieux_cog2023_wgs84.csv')
    .filter((r) => r.dep === dep && population.has(r.geo_code as string))
    .map((r) => {
      const code = r.geo_code as string;
      const pop = population.get(code) as number;
      const areaKm2 = area.get(code) ?? 10;
      return {
        code,
        name: r.name as string,
        population: pop,
        lon: Number(r.lon),
        lat: Number(r.lat),
        areaKm2,
        density: densityLevel(pop, areaKm2),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const sites: Site[] = read('accueil/france-services-20240801.csv')
    .filter((r) => r.insee_dep === dep && r.latitude && r.longitude)
    .map((r) => ({
      id: `fs-${r.id_fs}`,
      name: r.lib_fs as string,
      kind: 'france_services',
      detail: '',
      axes: ['accueil'],
      capacity: null,
      lon: Number(r.longitude),
      lat: Number(r.latitude),
      communeCode: r.insee_com as string,
      operator: '',
      public: '',
      hours: '',
      sourceId: 'anct',
    }));
  return { communes, sites };
}

describe.skipIf(!present).each([
  ['62', 'Pas-de-Calais', 50],
  ['34', 'Hérault', 58],
  ['55', 'Meuse', 22],
])('reach of France Services in %s (%s), real open data', (dep, name, fsCount) => {
  it('computes every commune, incrementally as a full recompute would', () => {
    const { communes, sites } = departement(dep);
    expect(sites).toHaveLength(fsCount);
    const data = reachData(communes, null);
    const session = reachSession(data, sites, {
      ...defaultAssumptions(),
      kinds: ['france_services'],
    });
    expect(session.unplaced).toEqual([]);
    const engine = session.engine;
    // Every commune has a France Services within the 90 min horizon by car.
    expect(engine.minutes.every((t) => Number.isFinite(t))).toBe(true);

    const index = territoryIndex(data.network.codes, new Map(), new Map());
    const before = summariseReach(engine.minutes, data.people, index, 30).total;
    // The five proposals of the siting, opened one by one, and one site closed.
    const picks = greedySiting({
      model: engine.model,
      network: data.network,
      minutes: engine.minutes,
      weight: data.people.population,
      maxMinutes: 30,
      k: 5,
    });
    for (const [i, p] of picks.picks.entries()) {
      session.apply({
        op: 'open',
        site: {
          id: `new-${i}`,
          name: 'Nouvelle France Services',
          kind: 'france_services',
          lon: data.network.lon[p.commune]!,
          lat: data.network.lat[p.commune]!,
          communeCode: data.network.codes[p.commune]!,
          capacity: null,
        },
      });
    }
    const after = summariseReach(engine.minutes, data.people, index, 30).total;
    // The siting's announced gain is exactly what the engine then counts.
    expect(before.populationBeyond - after.populationBeyond).toBe(picks.totalGain);
    session.apply({ op: 'close', siteId: createRandom(1).pick(sites).id });
    const incremental = engine.minutes.slice();
    engine.recomputeAll();
    expect([...incremental]).toEqual([...engine.minutes]);
    const share = (100 * before.populationBeyond) / before.population;
    console.info(
      `${name} : ${communes.length} communes, ${sites.length} France Services ; ` +
        `${formatNumber(share, 1)} % des habitants à plus de 30 min en voiture (modèle de distance), ` +
        `${picks.totalGain} habitants de plus à moins de 30 min avec 5 sites proposés`,
    );
  });
});
