/**
 * Every error rinse reports to a user, in one place: each names the file (or the
 * option) and the problem, so the command line prints it as it is, without a stack.
 */

/** A command line that cannot run: a missing folder, OUT inside IN, conflicting options. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** A pipeline file (or overlay) that does not validate: where, which key, what was expected. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly key: string,
    readonly expected: string
  ) {
    super(`${source}: ${key ? `\`${key}\`: ` : ''}${expected}`)
    this.name = 'ConfigError'
  }
}

/** OUT is being written by another rinse run: two runs at once would mix their outputs and manifests. */
export class OutputInUse extends Error {
  override name = 'OutputInUse'
}

/** The exit code of a run refused because OUT is in use (EX_TEMPFAIL: try again later). */
export const OUTPUT_IN_USE_EXIT = 75

/** An input file that cannot be cleaned (binary, not UTF-8, too large): the file and why. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string
  ) {
    super(`${path}: ${problem}`)
    this.name = 'InputError'
  }
}

/** A report.json this rinse cannot read: from a newer rinse, or not a report. */
export class ReportVersionError extends Error {
  override name = 'ReportVersionError'
}

/** Thrown when the edits do not fit the text they are applied to. */
export class ReconstructError extends Error {
  override name = 'ReconstructError'
}

/** Codes that go away as other files finish: worth a short wait and another try (io/transient.ts). */
export const TRANSIENT = new Set(['EMFILE', 'ENFILE'])

/** How a system error code reads in a message. */
const PROBLEMS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted'
}

/** What crosses from a worker thread, where the error was thrown, to the main thread. */
export interface WriteFailure {
  path: string
  code: string
  stops: boolean
  /** An input that could not be read, not an output. */
  read?: boolean | undefined
}

/**
 * An output that could not be written, or an input that could not be opened for
 * want of file descriptors, and whether that stops the run (the policy: io/write-error.ts).
 */
export class WriteError extends Error implements WriteFailure {
  override name = 'WriteError'
  readonly path: string
  readonly code: string
  /** The run stops: no later output would be written either. */
  readonly stops: boolean
  readonly read: boolean

  constructor({path, code, stops, read = false}: WriteFailure) {
    super(`cannot ${read ? 'read' : 'write'} ${path}: ${PROBLEMS[code] ?? 'error'} (${code})`)
    this.path = path
    this.code = code
    this.stops = stops
    this.read = read
  }

  /** What to do about it, once the run has stopped. */
  get advice(): string {
    const again = 'run the same command again: finished files are kept and the run continues from there'
    if (this.code === 'ENOSPC' || this.code === 'EDQUOT') return `free some space and ${again}`
    if (TRANSIENT.has(this.code)) return `raise the open-file limit (ulimit -n) or lower --concurrency, and ${again}`
    if (this.code === 'EIO') return `check the disk that holds it and ${again}`
    return `make OUT writable and ${again}`
  }

  toJSON(): WriteFailure {
    return {path: this.path, code: this.code, stops: this.stops, ...(this.read ? {read: true} : {})}
  }
}
