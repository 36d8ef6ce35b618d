/**
 * Step "sites" (sites.arrow): the demo's offer. The public reception network (MDS, CCAS/CIAS,
 * France Services, CAF/MSA, France Travail) is placed here; the programme's offer (SIAE, PDI
 * actions, mobility services) in sites-programme.ts. Sites draw from the shared random stream in
 * this order, so the order of the groups is part of the demo's bytes.
 */
import type { Site } from '../../../src/domain/model.ts';
import type { Random } from '../../../src/domain/random.ts';
import { at } from '../plane.ts';
import type { DemoCommunes } from './communes.ts';
import { POLES, type DemoLand } from './land.ts';
import { sitePlacement, type SitePlacement } from './site-placement.ts';
import { programmeSites } from './sites-programme.ts';
import { PTI_COUNT, type DemoTerritories } from './territories.ts';
import { ofPlace } from '../../../src/domain/french.ts';

export function sitesStep(
  land: DemoLand,
  communes: DemoCommunes,
  territories: DemoTerritories,
  rnd: Random,
): Site[] {
  const sites: Site[] = [];
  const place = sitePlacement(land, communes, territories, rnd, sites);
  receptionSites(place);
  programmeSites(place);
  return sites;
}

const cellsOf = (region: number[], r: number) => region.flatMap((x, i) => (x === r ? [i] : []));

/** MDS, CCAS and CIAS, France Services, CAF and MSA, France Travail. */
function receptionSites({ land, territories, rnd, population, nm, byPop, add }: SitePlacement) {
  const { neighbours, poleCells, bourgCells } = land;
  const { epciRegion, epciCount, epciName, pays, ptiRegion } = territories;
  // Maisons départementales des solidarités: one per PTI territory in its largest town, a second
  // in the two largest poles. Rural territories keep a single one: that is where the 30-minute
  // question bites.
  for (let r = 0; r < PTI_COUNT; r++) {
    const main = at(byPop(cellsOf(ptiRegion, r)), 0);
    add(
      main,
      'mds',
      '',
      ['accueil', 'accompagnement_social'],
      `Maison du Département Solidarité ${ofPlace(nm(main))}`,
      rnd.int(35, 60) * 10,
      'Département',
      'Tout public ; allocataires du RSA orientés sphère sociale',
    );
  }
  for (const c of poleCells.slice(0, 2)) {
    const second = at(byPop(at(neighbours, c)), 0);
    add(
      second,
      'mds',
      '',
      ['accueil', 'accompagnement_social'],
      `Maison du Département Solidarité ${ofPlace(nm(second))}`,
      rnd.int(30, 45) * 10,
      'Département',
      'Tout public ; allocataires du RSA orientés sphère sociale',
    );
  }
  // CCAS: compulsory in communes of 1 500 inhabitants or more; CIAS in some rural EPCI.
  population.forEach((p, i) => {
    if (p >= 1500)
      add(
        i,
        'ccas',
        'CCAS',
        p >= 8000 ? ['accueil', 'accompagnement_social'] : ['accueil'],
        `CCAS ${ofPlace(nm(i))}`,
        p >= 8000 ? rnd.int(6, 16) * 10 : null,
        `Commune ${ofPlace(nm(i))}`,
        'Habitants de la commune',
      );
  });
  for (let r = POLES.length; r < epciCount; r++) {
    if (!rnd.chance(0.35)) continue;
    const seat = at(byPop(cellsOf(epciRegion, r)), 0);
    add(
      seat,
      'ccas',
      'CIAS',
      ['accueil', 'accompagnement_social'],
      `CIAS ${at(pays, r - POLES.length)}`,
      rnd.int(3, 8) * 10,
      epciName(r),
      "Habitants de l'intercommunalité",
    );
  }
  // France Services: in about two thirds of rural EPCI, at a bourg; one in the préfecture.
  for (let r = POLES.length; r < epciCount; r++) {
    if (!rnd.chance(0.65)) continue;
    const list = byPop(cellsOf(epciRegion, r));
    const host = at(list, Math.min(list.length - 1, rnd.int(0, 2)));
    add(
      host,
      'france_services',
      rnd.chance(0.2) ? 'Itinérante' : 'Fixe',
      ['accueil', 'numerique'],
      `France Services ${nm(host)}`,
      null,
      rnd.chance(0.5) ? epciName(r) : 'La Poste',
      'Tout public',
    );
  }
  add(
    at(poleCells, 0),
    'france_services',
    'Fixe',
    ['accueil', 'numerique'],
    `France Services ${nm(at(poleCells, 0))} quartiers`,
    null,
    `Commune ${ofPlace(nm(at(poleCells, 0)))}`,
    'Tout public',
  );
  // CAF and MSA reception points, France Travail agencies.
  poleCells.forEach((c, k) =>
    add(
      c,
      'caf_msa',
      k === 3 ? 'MSA' : 'CAF',
      ['accueil'],
      `${k === 3 ? 'Agence MSA' : 'Accueil CAF'} ${ofPlace(nm(c))}`,
      null,
      k === 3 ? 'MSA' : 'CAF',
      'Allocataires',
    ),
  );
  [...poleCells, ...byPop(bourgCells).slice(0, 2)].forEach((c) =>
    add(
      c,
      'france_travail',
      'Agence',
      ['mediation_emploi'],
      `France Travail ${nm(c)}`,
      rnd.int(8, 20) * 50,
      'France Travail',
      "Demandeurs d'emploi ; allocataires du RSA orientés sphère professionnelle",
    ),
  );
}
