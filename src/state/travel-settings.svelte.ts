/**
 * The travel settings of the study, shared by every tool: the mode, the kinds of sites counted,
 * the threshold, the models' parameters and the imported matrices. The reach, coverage and
 * mobility tools all measure times with them.
 */
import { messageOf } from '../domain/errors.ts';
import { defaultAccueilKinds, kindsWithoutSites } from '../domain/completeness.ts';
import { ACCUEIL_KINDS, SITE_KINDS, type SiteKind } from '../domain/model.ts';
import { horizonFor } from '../domain/reach/engine.ts';
import { DEFAULT_REACH_MINUTES, type ReachAssumptions } from '../domain/reach/scenario.ts';
import type { ReachMatrices } from '../domain/reach/setup.ts';
import { DEFAULT_CAR_PARAMETERS, type CarParameters } from '../domain/travel/distance-model.ts';
import {
  MatrixFormatError,
  type MatrixImportReport,
  type MatrixRows,
  type MatrixUnit,
} from '../domain/travel/matrix-csv.ts';
import { importMatrix as readMatrixFile } from '../domain/travel/matrix-import.ts';
import { checkMatrixAccess } from '../domain/travel/matrix-model.ts';
import type { TravelMode, TravelModel } from '../domain/travel/model.ts';
import { modelFor } from '../domain/travel/models.ts';
import { DEFAULT_NO_CAR_PARAMETERS, type NoCarParameters } from '../domain/travel/no-car-model.ts';
import type { AppState } from './app-state.svelte.ts';
import type { StudyData } from './study-data.svelte.ts';
import type { ViewParams } from './url.ts';

const sameKinds = (a: readonly SiteKind[], b: readonly SiteKind[]) =>
  [...a].sort().join(',') === [...b].sort().join(',');

export class TravelSettings {
  readonly #app: AppState;
  readonly #data: StudyData;

  mode = $state<TravelMode>('voiture');
  /** The kinds the user chose; null: the default, which follows the data (`defaultKinds`). */
  #kindsChoice = $state.raw<SiteKind[] | null>(null);
  maxMinutes = $state(DEFAULT_REACH_MINUTES);
  car = $state.raw<CarParameters>({ ...DEFAULT_CAR_PARAMETERS });
  noCar = $state.raw<NoCarParameters>({ ...DEFAULT_NO_CAR_PARAMETERS });
  matrices = $state.raw<ReachMatrices>({});
  matrixReports = $state.raw<Partial<Record<TravelMode, MatrixImportReport>>>({});
  matrixError = $state<string | null>(null);
  /** How the next matrix is read: unit (null: detected), what the rows of a square file are, and
   * the access time added to its times (0: used as given). */
  matrixOptions = $state.raw<{ unit: MatrixUnit | null; rows: MatrixRows; accessMinutes: number }>({
    unit: null,
    rows: 'origines',
    accessMinutes: 0,
  });

  constructor(app: AppState, data: StudyData) {
    this.#app = app;
    this.#data = data;
  }

  /**
   * The kinds counted by default: the accueil kinds the data has sites of. A kind with no site is
   * not ticked: ticking it would count an offer the data does not describe. With no accueil site
   * at all, every accueil kind (the panel then says none is in the data).
   */
  readonly defaultKinds = $derived.by((): SiteKind[] => {
    const kinds = defaultAccueilKinds(this.#app.data.sites);
    return kinds.length > 0 ? kinds : [...ACCUEIL_KINDS];
  });

  /** The kinds of sites counted as reached. */
  get kinds(): SiteKind[] {
    return this.#kindsChoice ?? this.defaultKinds;
  }

  set kinds(kinds: SiteKind[]) {
    this.#kindsChoice = [...kinds];
  }

  /** Whether the kinds counted are the default ones. */
  get defaultKindsChosen(): boolean {
    return sameKinds(this.kinds, this.defaultKinds);
  }

  /** Back to the kinds the data has sites of. */
  resetKinds(): void {
    this.#kindsChoice = null;
  }

  /**
   * The accueil kinds and the kinds counted that have no site in the data: the panels name them
   * (the data is silent about them, which says nothing of the territory).
   */
  readonly missingKinds = $derived.by((): SiteKind[] => {
    if (!this.#app.data.tablesReady) return [];
    const asked = SITE_KINDS.filter((k) => ACCUEIL_KINDS.includes(k) || this.kinds.includes(k));
    return kindsWithoutSites(asked, this.#app.data.sites);
  });

  /** The longest time the engine computes for the threshold (a threshold within it reuses it). */
  readonly horizonMinutes = $derived.by(() => horizonFor(this.maxMinutes));

  /** The model of a mode, with its parameters and its imported matrix. */
  modelOf(mode: TravelMode): TravelModel | null {
    const data = this.#data.data;
    if (!data) return null;
    return modelFor(
      data.network,
      { mode, car: this.car, noCar: this.noCar },
      this.matrices[mode] ?? null,
      data.networks?.[mode] ?? null,
    );
  }

  /** The imported matrices, as a scenario records them. */
  readonly matrixList = $derived.by((): ReachAssumptions['matrices'] =>
    Object.entries(this.matrices).map(([mode, m]) => ({
      mode: mode as TravelMode,
      name: m.name,
      pairs: m.matrix.pairCount,
      accessMinutes: m.accessMinutes ?? 0,
    })),
  );

  /**
   * The settings of a scenario file or an autosave; returns what could not be kept (a matrix is
   * not in a scenario, only its name: it must be imported again).
   */
  load(a: ReachAssumptions): string[] {
    const warnings: string[] = [];
    this.mode = a.mode;
    // The accueil kinds were the default before defaults followed the data: a scenario saved with
    // them keeps the data's default, which counts the same sites.
    this.#kindsChoice = sameKinds(a.kinds, ACCUEIL_KINDS) ? null : [...a.kinds];
    this.maxMinutes = a.maxMinutes;
    this.car = { ...a.car };
    this.noCar = { ...a.noCar };
    for (const m of a.matrices) {
      const accessMinutes = m.accessMinutes ?? 0;
      const here = this.matrices[m.mode];
      if (here) {
        if ((here.accessMinutes ?? 0) !== accessMinutes)
          this.matrices = { ...this.matrices, [m.mode]: { ...here, accessMinutes } };
      } else {
        warnings.push(
          `Le scénario utilisait la matrice « ${m.name} » (${m.mode}) : importez-la de nouveau pour retrouver ses temps.`,
        );
      }
      if (m.mode === a.mode) this.matrixOptions = { ...this.matrixOptions, accessMinutes };
    }
    return warnings;
  }

  /** A new dataset: its kinds are the default, and no matrix of the previous one applies. */
  reset(): void {
    this.#kindsChoice = null;
    this.matrices = {};
    this.matrixReports = {};
    this.matrixError = null;
  }

  /** The travel settings of a link; defaults are left out so links stay short. */
  viewParams(): Partial<ViewParams> {
    return {
      minutes: this.maxMinutes !== DEFAULT_REACH_MINUTES ? this.maxMinutes : null,
      travel: this.mode !== 'voiture' ? this.mode : null,
      kinds: this.#kindsChoice && !this.defaultKindsChosen ? [...this.kinds] : null,
    };
  }

  applyView(v: ViewParams): void {
    if (v.minutes !== null) this.maxMinutes = v.minutes;
    if (v.travel) this.mode = v.travel;
    const kinds = (v.kinds ?? []).filter((k): k is SiteKind => SITE_KINDS.includes(k as SiteKind));
    if (kinds.length > 0) this.kinds = kinds;
  }

  /** Reads a matrix file (its bytes, or its text) for the current mode, with `matrixOptions`. */
  importMatrix(name: string, file: Uint8Array | string): void {
    const data = this.#data.data;
    if (!data) return;
    try {
      const { source, report } = readMatrixFile(file, data.network, name, this.matrixOptions);
      this.matrixReports = { ...this.matrixReports, [this.mode]: report };
      if (!source) {
        this.matrixError = `Aucune paire utilisable dans ${name} : la matrice n'est pas importée.`;
        return;
      }
      this.matrices = { ...this.matrices, [this.mode]: source };
      this.matrixError = null;
    } catch (e) {
      this.matrixError =
        e instanceof MatrixFormatError
          ? `${name} : ${e.message}`
          : `${name} n'a pas pu être lu : ${messageOf(e)}`;
    }
  }

  /** The access time added to the times of the current mode's matrix (and of the next one). */
  setMatrixAccess(minutes: number): void {
    try {
      checkMatrixAccess(minutes);
    } catch (e) {
      this.matrixError = messageOf(e);
      return;
    }
    this.matrixError = null;
    this.matrixOptions = { ...this.matrixOptions, accessMinutes: minutes };
    const m = this.matrices[this.mode];
    if (m && (m.accessMinutes ?? 0) !== minutes) {
      this.matrices = { ...this.matrices, [this.mode]: { ...m, accessMinutes: minutes } };
    }
  }

  removeMatrix(mode: TravelMode): void {
    const next = { ...this.matrices };
    delete next[mode];
    this.matrices = next;
    const reports = { ...this.matrixReports };
    delete reports[mode];
    this.matrixReports = reports;
  }
}
