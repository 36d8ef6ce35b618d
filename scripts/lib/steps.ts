/**
 * Timing of build steps: each step of the demo generator and of the département builder runs
 * through `step(name, …)`, and the command line prints the milliseconds of each.
 */
export class StepTimer {
  readonly timings: Record<string, number> = {};

  step<T>(name: string, run: () => T): T {
    const start = performance.now();
    const result = run();
    this.timings[name] = Math.round(performance.now() - start);
    return result;
  }
}
