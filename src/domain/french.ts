/**
 * French grammar the interface needs around names and counts: "de" before a name (elided before
 * a vowel, contracted with the article of a name: "d'Aubcourt", "du Rouvy", "de l'ensemble du
 * département"), agreement of a participle with the noun it follows ("personnes couvertes",
 * "foyers couverts"), and dates ("1er décembre 2025").
 */

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/**
 * "de" followed by a name, as French writes it: "de Verdun", "d'Aubcourt", "d'Estray-sur-l'Ormance",
 * "du Rouvy" (Le Rouvy), "des Islettes" (Les Islettes), "de La Chamville", "de l'Isle-en-Rigault"
 * (L'Isle-en-Rigault). A name that starts with a common noun in capitals ("Ensemble du
 * département") takes its article: "de l'ensemble du département".
 */
export function ofPlace(name: string): string {
  const n = name.trim();
  if (/^Ensemble\b/.test(n)) return `de l'${n.charAt(0).toLowerCase()}${n.slice(1)}`;
  const le = /^Le\s+(.*)$/.exec(n);
  if (le) return `du ${le[1]}`;
  const les = /^Les\s+(.*)$/.exec(n);
  if (les) return `des ${les[1]}`;
  const l = /^L['’]\s*(.*)$/.exec(n);
  if (l) return `de l'${l[1]}`;
  return VOWEL.test(n) ? `d'${n}` : `de ${n}`;
}

/** Plural nouns of the need indicators that are feminine ("personnes couvertes"). */
const FEMININE_PLURALS = new Set(['personnes', 'familles', 'femmes', 'demandeuses']);

/**
 * A participle or adjective in the masculine plural ("couverts"), agreed with the plural noun it
 * qualifies: "personnes couvertes", "foyers couverts", "ménages couverts". Nouns of either
 * gender ("allocataires", "bénéficiaires") take the feminine only when listed; the masculine is
 * the default, as French grammar has it for a mixed group.
 */
export function agreePlural(masculinePlural: string, noun: string): string {
  const head = noun.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!FEMININE_PLURALS.has(head)) return masculinePlural;
  return masculinePlural.endsWith('s')
    ? `${masculinePlural.slice(0, -1)}es`
    : `${masculinePlural}es`;
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** "1er décembre 2025", "6 décembre 2025": the first of the month is an ordinal in French. */
export function frenchDate(d: Date): string {
  const day = d.getDate();
  return `${day === 1 ? '1er' : day} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}
