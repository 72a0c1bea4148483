/** Where a run writes each input's outputs in OUT, by the input's path relative to INPUT. */
import {join} from 'node:path'
import {threadId} from 'node:worker_threads'

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

/**
 * OUT/.rinse/tmp/<thread>: where this thread writes an output before renaming it
 * into place. A folder per thread: creating a file locks its folder, and worker
 * threads creating files in one shared folder spent more time waiting on each
 * other (two to four times the system time) than writing.
 */
export function tempFolder(out: string): string {
  return join(out, '.rinse', 'tmp', String(threadId))
}
