/**
 * Which published figure statistical secrecy covers, and by which rule: the list the public
 * build applies (scripts/public/publish.ts, secrecy.ts), shown in the public app (« Secret
 * statistique » at the foot of the page) and copied in the README, whose table a test keeps equal
 * to this one. Only counts of people in small areas, and what could be derived from them, are
 * sensitive; what anyone can read in public data is published as it is.
 */

export interface SecrecyRule {
  /** The figures concerned, as the app names them. */
  figures: string;
  sensitive: boolean;
  /** The rule applied, or why none is. */
  rule: string;
}

export function secrecyRules(threshold: number): SecrecyRule[] {
  return [
    {
      figures:
        'Effectifs de personnes par territoire (foyers allocataires du RSA, demandeurs d’emploi…)',
      sensitive: true,
      rule: `masqués sous ${threshold}, puis assez d’autres cases pour qu’aucun ne se retrouve par différence entre communes, EPCI, bassins de vie, territoires et département (secret secondaire)`,
    },
    {
      figures:
        'Chiffres tirés d’un effectif (pour 100 habitants, places pour 100, besoin d’appui mobilité estimé)',
      sensitive: true,
      rule: 'masqués avec l’effectif dont ils sont tirés, publiés avec lui',
    },
    {
      figures: 'Effectifs au-delà de N minutes',
      sensitive: true,
      rule: 'somme des cases publiées des communes au-delà ; « au moins » quand des cases masquées y manquent ; masqués quand elles sont la plupart',
    },
    {
      figures:
        'Effectif d’un territoire sans habitant, effectif au-delà de N minutes sans commune au-delà',
      sensitive: false,
      rule: 'publiés à 0 : chacun peut le déduire de la population légale ou des temps',
    },
    {
      figures: 'Population légale (INSEE)',
      sensitive: false,
      rule: 'publiée pour chaque commune par l’INSEE : jamais masquée',
    },
    {
      figures: 'Lieux, places, temps de trajet, communes et population au-delà de N minutes',
      sensitive: false,
      rule: 'données publiques ou calculées par le modèle, sans effectif de personnes : jamais masqués',
    },
  ];
}

/**
 * The line under a table with secret cells: in a published dataset, the rule it was published
 * with (`threshold`); otherwise the source's own secrecy (the CAF masks its small counts).
 */
export function secretExplanation(threshold: number | null): string {
  return threshold === null
    ? '« secret » : masqué par le secret statistique de la source'
    : `« secret » : effectif de moins de ${threshold} personnes, ou case masquée pour qu’on ne puisse pas le retrouver par différence`;
}
