/** Where a run writes each input's outputs in OUT, by the input's path relative to INPUT. */
import {createHash} from 'node:crypto'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import {threadId} from 'node:worker_threads'

/** OUT/cleaned/<relative path>: the cleaned file (for JSONL, the cleaned records). */
export function cleanedPath(out: string, relativePath: string): string {
  return join(out, 'cleaned', relativePath)
}

/** The longest file name most file systems take (NAME_MAX on Linux), in bytes. */
const NAME_MAX = 255

/**
 * OUT/diffs/<relative path>.diff: the unified diff. An input whose name has no
 * room for `.diff` (over 250 bytes) gets its name cut at a character boundary
 * and a hash of the whole name, `<start>~<hash>.diff`; the diff's own header
 * still names the file, so patch applies it the same.
 */
export function diffPath(out: string, relativePath: string): string {
  const slash = relativePath.lastIndexOf('/')
  const name = relativePath.slice(slash + 1)
  if (Buffer.byteLength(name) + '.diff'.length <= NAME_MAX) return join(out, 'diffs', `${relativePath}.diff`)
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8)
  const short = `${cutToBytes(name, NAME_MAX - '.diff'.length - hash.length - 1)}~${hash}.diff`
  return join(out, 'diffs', relativePath.slice(0, slash + 1), short)
}

/** The longest start of `text` that fits in `bytes` bytes of UTF-8, never half a character. */
function cutToBytes(text: string, bytes: number): string {
  let used = 0
  let end = 0
  for (const char of text) {
    used += Buffer.byteLength(char)
    if (used > bytes) break
    end += char.length
  }
  return text.slice(0, end)
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
  return isInside(resolve(base, relativePath), base) ? undefined : `a path outside OUT/${folder}`
}

/** Whether `child` lies under `parent` (not `parent` itself); `..name` is a child, only `..` itself leaves. */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}
