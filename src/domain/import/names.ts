/**
 * Commune names as keys for matching: what an upper-case, accent-free, abbreviated export ("ST
 * OMER", "BRUAY LA BUISSIERE", "L ISLE SUR LA SORGUE CEDEX") and the official COG name
 * ("Saint-Omer", "Bruay-la-Buissière") have in common.
 */

/** Accents, case, punctuation, "ST"/"STE", "CEDEX", arrondissement numbers. */
export function normaliseName(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase()
      // Œ and Æ have no decomposition.
      .replaceAll('Œ', 'OE')
      .replaceAll('Æ', 'AE')
      .replace(/\bS\/\s*/g, 'SUR ')
      .replace(/[-'’‘`´.,/()_]/g, ' ')
      .replace(/\bCEDEX\b(\s*\d+)?/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\bSTE\b/g, 'SAINTE')
      .replace(/\bST\b/g, 'SAINT')
  );
}

/** Keys a name can match under: as is, and without its leading article ("LE PORTEL" → "PORTEL"). */
export function nameKeys(name: string): string[] {
  const full = normaliseName(name);
  const keys = [full];
  const bare = full.replace(/^(LE|LA|LES|L)\s+/, '');
  if (bare !== full && bare !== '') keys.push(bare);
  // "PARIS 13E ARRONDISSEMENT", "MARSEILLE 13": the commune is the city.
  const city = full.replace(/\s+\d+(E|ER)?(\s+ARRONDISSEMENT)?$/, '');
  if (city !== full && city !== '') keys.push(city);
  return keys;
}
