/**
 * Golden files of the reports: the expected output is a file beside the tests; on a mismatch the
 * new output is written beside it as `<name>.actual.<ext>` (git-ignored) for a person to review
 * (`diff`), then copied over the expected file if it is right.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const GOLDEN_DIR = join(import.meta.dirname, 'golden');

/** Null when the output matches; else the message of the failure (the actual file is written). */
export function compareGolden(name: string, actual: string): string | null {
  const expectedFile = join(GOLDEN_DIR, name);
  const dot = name.lastIndexOf('.');
  const actualFile = join(GOLDEN_DIR, `${name.slice(0, dot)}.actual${name.slice(dot)}`);
  const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : null;
  if (expected === actual) {
    rmSync(actualFile, { force: true });
    return null;
  }
  writeFileSync(actualFile, actual);
  return expected === null
    ? `Fichier attendu absent : ${expectedFile}. Sortie écrite dans ${actualFile} : relisez-la, puis renommez-la.`
    : `Sortie différente de ${expectedFile} : comparez avec ${actualFile} (diff), puis remplacez le fichier attendu si la nouvelle sortie est juste.`;
}
