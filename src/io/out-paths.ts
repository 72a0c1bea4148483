/** Where a run writes each input's outputs in OUT, by the input's path relative to INPUT. */
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
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

/**
 * Why `relativePath` (a document path read from report.json, which anyone may have
 * edited) cannot name an output under OUT/`folder`, or undefined when it can: a
 * `..` that climbs out, an absolute path or a NUL byte would read or write
 * outside OUT.
 */
export function unsafeOutputPath(out: string, folder: string, relativePath: string): string | undefined {
  if (relativePath.includes('\0')) return 'a NUL byte in the path'
  if (relativePath === '') return 'an empty path'
  if (isAbsolute(relativePath) || /^[a-zA-Z]:|^[\\/]/.test(relativePath)) return 'an absolute path, not relative to the input folder'
  const base = resolve(out, folder)
  const rel = relative(base, resolve(base, relativePath))
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return `a path outside OUT/${folder}`
  return undefined
}
