/**
 * Short forms of territory names for map labels, with the usual French abbreviations of EPCI
 * kinds ("Communauté de communes du Ternois" → "CC du Ternois").
 */
const PREFIXES: [RegExp, string][] = [
  [/^Communauté de communes\s+/i, 'CC '],
  [/^Communauté d'agglomération\s+/i, 'CA '],
  [/^Communauté urbaine\s+/i, 'CU '],
  [/^Métropole\s+/i, 'Métropole '],
];

export function shortTerritoryName(name: string): string {
  for (const [re, short] of PREFIXES) if (re.test(name)) return name.replace(re, short);
  return name;
}
