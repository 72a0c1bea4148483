/**
 * An output that could not be written, and whether that stops the run. A full
 * disk (or quota), a read-only file system or a process out of file descriptors
 * fails every later write too: listing each file as failed would only bury the
 * cause, so the run stops at once and says what to do. Other codes (a folder of
 * OUT without write permission) fail the file whose output it was. An input that
 * cannot be opened because the process is out of file descriptors is no fault of
 * the file either: that read stops the run the same way (`read`).
 */
import {isTransient} from './transient.js'
import {WriteError} from '../errors.js'

/** `rinse run` exit code when an output could not be written and the run stopped (EX_IOERR of sysexits.h). */
export const WRITE_FAILED_EXIT = 74

/** Codes no other output would escape. */
const RUN_WIDE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EMFILE', 'ENFILE', 'EIO'])

/**
 * `error` from writing `path`, as a WriteError; an error without a system code (a
 * bug, not the file system) is returned as it is. `runWide`: the path is one every
 * file needs (the temp folder, the manifest, a report), so any code stops the run.
 */
export function writeError(path: string, error: unknown, runWide = false): Error {
  if (error instanceof WriteError) return error
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (typeof code !== 'string') return error instanceof Error ? error : new Error(String(error))
  return new WriteError({path, code, stops: runWide || RUN_WIDE.has(code)})
}

/** Whether `error` stops the run (rather than failing one file). */
export function stopsRun(error: unknown): error is WriteError {
  return error instanceof WriteError && error.stops
}

/** Run `write`, turning what it throws into a WriteError for `path` (see writeError). */
export async function writingTo<T>(path: string, write: () => Promise<T>, runWide = false): Promise<T> {
  try {
    return await write()
  } catch (error) {
    throw writeError(path, error, runWide)
  }
}

/**
 * Reading the input at `path` failed with `error`: a WriteError that stops the run
 * when the process is out of file descriptors (after the retries of transient.ts),
 * else undefined (the file's own problem, reported as its failure).
 */
export function readStop(path: string, error: unknown): WriteError | undefined {
  if (!isTransient(error)) return undefined
  return new WriteError({path, code: (error as NodeJS.ErrnoException).code!, stops: true, read: true})
}
