/**
 * What every step of the département build shares: the options, the log, the validation report
 * of every input read (written to reports.json, in reading order) and the sources cited (in the
 * order first used, which is their order in meta.json).
 */
import {
  refusalOf,
  setAsideReason,
  type ValidationReport,
} from '../../../src/domain/import/report.ts';
import { formatNumber } from '../../../src/domain/format.ts';
import type { Source } from '../../../src/domain/model.ts';

export interface BuildOptions {
  /** Département code: "62", "2A", "974". */
  dep: string;
  /** Folder laid out like the open-data folder. */
  from: string;
  /** Explicit files, taking precedence over what `from` holds. */
  contours?: string;
  pti?: string;
  caf?: string;
  offers?: string[];
  /**
   * data·inclusion files (schema v1 or the flattened export, JSON or CSV): services, and the
   * structures they refer to, told apart by their columns.
   */
  dataInclusion?: string[];
  log?: (message: string) => void;
}

export class BuildContext {
  /** Département code, upper case, two characters at least. */
  readonly dep: string;
  readonly from: string;
  readonly log: (message: string) => void;
  readonly reports: ValidationReport[] = [];
  readonly #sources = new Map<string, Source>();

  constructor(readonly options: BuildOptions) {
    this.dep = options.dep.toUpperCase().padStart(2, '0');
    this.from = options.from;
    this.log = options.log ?? (() => {});
  }

  /**
   * Records the report of an input. An input that kept no row stops the build with its reason:
   * nothing is written, so the dataset built before (and its need indicator) stays as it was.
   * Only a national list none of whose rows is of the département (`setAsideIsEmpty`) may add
   * nothing; it is then reported and false is returned.
   */
  accept(report: ValidationReport, options: { setAsideIsEmpty?: boolean } = {}): boolean {
    this.reports.push(options.setAsideIsEmpty ? withoutOtherDepartements(report) : report);
    const refusal = refusalOf(report);
    if (!refusal) return true;
    if (options.setAsideIsEmpty && report.rowsRead > 0 && report.rejectedRows === 0) {
      this.log(`${report.label} (${report.fileName}) : aucune ligne du département ${this.dep}`);
      return false;
    }
    throw new InputRefused(
      `« ${report.fileName} » (${report.label}) refusé : ${refusal.message}` +
        (report.rejected.length > 0 ? ` (${rejectedSample(report)})` : '') +
        '. Rien n’a été écrit : le jeu de données précédent reste en place.',
      report,
    );
  }

  /** Cites a source; returns its id. */
  use(source: Source): string {
    this.#sources.set(source.id, source);
    return source.id;
  }

  get sources(): Source[] {
    return [...this.#sources.values()];
  }
}

/** An input that stops the build; its report says every line's fate. */
export class InputRefused extends Error {
  override name = 'InputRefused';
  constructor(
    message: string,
    readonly report: ValidationReport,
  ) {
    super(message);
  }
}

/**
 * A national list's report without the cells of its rows of other départements: they are the
 * rest of France (2 700 France Services, 3 800 SIAE), counted and listed by line, but copied into
 * reports.json they would weigh megabytes that every load of the app fetches, for an export no one
 * fixes. The report says so.
 */
function withoutOtherDepartements(report: ValidationReport): ValidationReport {
  const other = setAsideReason('other_departement');
  const setAside = (report.setAside ?? []).filter((r) => r.reason !== other);
  const dropped = (report.setAside?.length ?? 0) - setAside.length;
  if (dropped === 0) return report;
  return {
    ...report,
    setAside,
    notes: [
      ...report.notes,
      `${formatNumber(dropped)} ligne(s) d’autres départements de cette liste nationale : comptées hors champ, non reprises dans l’export des lignes rejetées.`,
    ],
  };
}

/** "ligne 2 : code INSEE inconnu dans le département : 62999 ; …", the first three rejections. */
function rejectedSample(report: ValidationReport): string {
  const first = report.rejected.slice(0, 3).map((r) => `ligne ${r.line} : ${r.reason}`);
  const more = report.rejected.length - first.length;
  return first.join(' ; ') + (more > 0 ? ` ; et ${more} autre(s)` : '');
}
