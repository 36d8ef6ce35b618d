/**
 * What the page says of large imports (isLargeImport): counted in the figures by territory and
 * drawn by cells, but left out of every tool that works site by site.
 */
import { siteCountOf, type StoredImport } from '../../data/import-storage.ts';
import { SITE_CELL_KM } from '../../domain/site-cells.ts';
import { clipText, formatNumber } from '../format.ts';

export function largeImportNote(large: readonly StoredImport[]): string {
  if (large.length === 0) return '';
  const files = large
    .map((r) => `« ${clipText(r.fileName)} » (${formatNumber(siteCountOf(r))} sites)`)
    .join(', ');
  return (
    `${files} : trop de sites pour les traiter un par un sur cette page. Ils sont comptés dans ` +
    `les chiffres par territoire et montrés sur la carte de l'onglet Importer, regroupés par ` +
    `carreaux de ${SITE_CELL_KM} km ; la liste des lieux, la couverture par axe, l'accès aux ` +
    `accueils et la mobilité ne les comptent pas.`
  );
}
