/**
 * What every step of the département build shares: the options, the log, the validation report
 * of every input read (written to reports.json, in reading order) and the sources cited (in the
 * order first used, which is their order in meta.json).
 */
import type { ValidationReport } from '../../../src/domain/import/report.ts';
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

  /** Cites a source; returns its id. */
  use(source: Source): string {
    this.#sources.set(source.id, source);
    return source.id;
  }

  get sources(): Source[] {
    return [...this.#sources.values()];
  }
}
