/**
 * What the page says of the stored imports, over the map (ImportNotes.svelte): those being applied
 * again after a load, and the large ones.
 */
import { siteCountOf, type StoredImport } from '../../data/import-storage.ts';
import { SITE_CELL_KM } from '../../domain/site-cells.ts';
import { clipText, formatNumber } from '../format.ts';

/**
 * The large imports (isLargeImport): counted in the figures by territory and drawn by cells, but
 * left out of every tool that works site by site.
 */
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

/** What the page says while stored imports are applied again after a load. */
export function reloadingNote(reloading: readonly StoredImport[], previewed: boolean): string {
  if (reloading.length === 0) return '';
  const files = reloading.map((r) => `« ${clipText(r.fileName)} »`).join(', ');
  return (
    `Import en cours de rechargement : ${files}. ` +
    (previewed
      ? 'Les chiffres par territoire le comptent déjà ; la carte et les outils l’attendent.'
      : 'Les chiffres affichés sont ceux du jeu de données seul, sans cet import.')
  );
}
