/**
 * Notes a suite leaves for the report when something could not be measured (a skipped dataset,
 * say): they have no figures, so they are not table rows, but the README must say why a line is
 * missing. Suites run in the runner's process, so this module is shared by all of them.
 */
export interface BenchNote {
  suite: string;
  text: string;
}

const notes: BenchNote[] = [];

export function addNote(suite: string, text: string): void {
  process.stderr.write(`[bench] ${suite}: ${text}\n`);
  notes.push({ suite, text });
}

/** The notes left so far, and forgets them. */
export function takeNotes(): BenchNote[] {
  return notes.splice(0, notes.length);
}
