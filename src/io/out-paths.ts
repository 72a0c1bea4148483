/** Where a run writes each input's outputs in OUT, by the input's path relative to INPUT. */
import {join} from 'node:path'

/** OUT/cleaned/<relative path>: the cleaned file (for JSONL, the cleaned records). */
export function cleanedPath(out: string, relativePath: string): string {
  return join(out, 'cleaned', relativePath)
}

/** OUT/diffs/<relative path>.diff: the unified diff. */
export function diffPath(out: string, relativePath: string): string {
  return join(out, 'diffs', `${relativePath}.diff`)
}

/** OUT/duplicates/<relative path>: a dropped duplicate, with `--duplicates write`. */
export function duplicatePath(out: string, relativePath: string): string {
  return join(out, 'duplicates', relativePath)
}
