/**
 * Fictional French place names for the demo territory. They are assembled from common toponymic
 * pieces so that they read like real communes while matching none on purpose.
 */
import type { Random } from '../../src/domain/random.ts';
import { ofPlace } from '../../src/domain/french.ts';

const ROOTS = [
  'Aub',
  'Aval',
  'Bel',
  'Berc',
  'Bois',
  'Bourn',
  'Brev',
  'Cerv',
  'Cham',
  'Char',
  'Chast',
  'Clair',
  'Cour',
  'Crév',
  'Dam',
  'Dorn',
  'Esc',
  'Estr',
  'Fal',
  'Flav',
  'Font',
  'Gerb',
  'Gond',
  'Grav',
  'Haut',
  'Hers',
  'Jarn',
  'Jouv',
  'Lav',
  'Lesp',
  'Liss',
  'Mar',
  'Mauv',
  'Mell',
  'Mont',
  'Morv',
  'Neuv',
  'Noir',
  'Ors',
  'Ouz',
  'Pel',
  'Pont',
  'Prem',
  'Quin',
  'Ram',
  'Rib',
  'Roch',
  'Rouv',
  'Sauv',
  'Serm',
  'Sorb',
  'Tarn',
  'Ternv',
  'Thil',
  'Tourn',
  'Vald',
  'Varn',
  'Verd',
  'Vill',
  'Vorm',
];
const ENDINGS = [
  'ay',
  'ac',
  'ville',
  'court',
  'mont',
  'y',
  'ières',
  'igny',
  'anges',
  'euil',
  'ois',
  'oux',
  'erand',
  'elles',
  'ain',
  'ancourt',
  'ecourt',
  'inghem',
  'ange',
  'onne',
  'ennes',
  'ot',
  'ettes',
  'aux',
  'ery',
  'ignac',
  'ompierre',
  'avent',
];
const SAINTS = ['Martin', 'Rémy', 'Aubin', 'Germain', 'Léger', 'Hilaire', 'Didier', 'Julien'];
const SAINTES = ['Marie', 'Colombe', 'Radegonde', 'Gemmes', 'Foy'];
export const RIVERS = ["l'Ormance", 'la Vèze', "l'Arnelle", 'la Sorgue-Haute', 'le Brévon'];
const QUALIFIERS = ['le-Château', 'les-Bois', 'la-Forêt', 'le-Haut', 'le-Bas', 'les-Vignes'];

function root(rnd: Random): string {
  return rnd.pick(ROOTS) + rnd.pick(ENDINGS);
}

/** A commune name; `river` is the river of the commune's area, if any. */
export function communeName(rnd: Random, river: string | null): string {
  const base = root(rnd);
  const r = rnd.next();
  if (r < 0.08) return `Saint-${rnd.pick(SAINTS)}${rnd.chance(0.5) ? '-' + base : ''}`;
  if (r < 0.11) return `Sainte-${rnd.pick(SAINTES)}`;
  if (r < 0.2 && river) return `${base}-sur-${river.replace(' ', '-')}`;
  if (r < 0.27) return `${base}-${rnd.pick(QUALIFIERS)}`;
  if (r < 0.34) {
    const article = rnd.pick(['Le ', 'La ', 'Les ']);
    // Elided before a vowel: "L'Aubeuil", not "La Aubeuil".
    return article !== 'Les ' && /^[AEIOUYÉÈ]/.test(base) ? `L'${base}` : `${article}${base}`;
  }
  return base;
}

/**
 * `count` distinct names (commune names are unique within a département): draw again on a
 * collision, and only as a last resort add a qualifier.
 */
export function uniqueNames(count: number, draw: (index: number) => string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    let name = draw(k);
    for (let tries = 0; seen.has(name) && tries < 30; tries++) name = draw(k);
    for (let i = 0; seen.has(name); i++)
      name = `${name.split('-')[0]}-${QUALIFIERS[i % QUALIFIERS.length]}${i >= QUALIFIERS.length ? i : ''}`;
    seen.add(name);
    names.push(name);
  }
  return names;
}

const PAYS = [
  'Haut-Ormois',
  'Val de Vèze',
  'Plateau de Lesparre',
  'Pays des Étangs',
  'Marches de Brévon',
  'Côtes de Morvaille',
  'Bocage de Tarnac',
  'Pays Chastelain',
  "Vallée de l'Arnelle",
  'Forêt de Sauvagne',
  'Causses de Roche',
  'Pays de Quinçay',
  'Champagne Verdoise',
  'Terres de Fontenelle',
  'Pays Neuvillois',
  'Monts du Bercy',
  'Plaine de Gravanges',
  'Val de Sorgue',
];

/** Names of "pays" (natural or historical areas), used for EPCI and PTI territories. */
export function paysNames(rnd: Random, count: number): string[] {
  return rnd.shuffle([...PAYS]).slice(0, count);
}

export function associationName(rnd: Random, place: string): string {
  const kinds = [
    `Association Tremplin ${place}`,
    `Régie de territoire ${place}`,
    `Association Passerelle ${place}`,
    `Atelier solidaire ${ofPlace(place)}`,
    `Association Entraide et Emploi ${place}`,
    `Collectif Insertion ${place}`,
  ];
  return rnd.pick(kinds);
}
