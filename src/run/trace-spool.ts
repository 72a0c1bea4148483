/**
 * Traces recorded during corpus collection wait on disk, not in memory, for the
 * final pass. Workers send each trace back serialized; the main thread appends
 * it to one spool file in large writes and keeps only where it is; the worker
 * that cleans the file reads it back from there. Memory stays flat however large
 * the batch, and the disk sees a few big writes rather than one per document.
 */
import {closeSync, openSync, readSync} from 'node:fs'
import {mkdir, open, type FileHandle} from 'node:fs/promises'
import {dirname} from 'node:path'
import type {Trace} from '../engine/clean-document.js'
import {decodeTrace, encodeTrace} from './trace-codec.js'
import {writeAll} from '../io/write-all.js'
import {writeError} from '../io/write-error.js'

export interface TraceRef {
  file: string
  offset: number
  length: number
}

/** Bytes gathered before a write. */
const CHUNK = 4 << 20

export class TraceSpool {
  private handle: Promise<FileHandle> | undefined
  private pending: Buffer[] = []
  private pendingBytes = 0
  private size = 0
  private writes: Promise<void> = Promise.resolve()
  /** The first write that failed (a full disk): flush() reports it, and nothing more is written. */
  private failed: Error | undefined
  private failing = new AbortController()
  /** Aborts when a write fails: collection has no reason to go on (see flush()). */
  readonly stopped: AbortSignal = this.failing.signal

  constructor(readonly file: string) {}

  /** A trace, or one a worker already encoded (`encodeTrace`). */
  append(trace: Trace | string): TraceRef {
    const bytes = Buffer.from(typeof trace === 'string' ? trace : encodeTrace(trace))
    const ref = {file: this.file, offset: this.size, length: bytes.length}
    this.size += bytes.length
    this.pending.push(bytes)
    this.pendingBytes += bytes.length
    if (this.pendingBytes >= CHUNK) this.write()
    return ref
  }

  /** Everything appended is on disk once this resolves. */
  async flush(): Promise<void> {
    this.write()
    await this.writes
    if (this.failed) throw this.failed
  }

  /** Close the file; a write that failed is reported by flush(), not here (the spool is removed either way). */
  async close(): Promise<void> {
    this.write()
    await this.writes
    const handle = this.handle
    this.handle = undefined
    await handle?.then((opened) => opened.close()).catch(() => {})
  }

  private write(): void {
    if (this.pendingBytes === 0) return
    const chunk = Buffer.concat(this.pending)
    this.pending = []
    this.pendingBytes = 0
    if (this.failed) return
    if (!this.handle) {
      this.handle = mkdir(dirname(this.file), {recursive: true}).then(() => open(this.file, 'w'))
      // Awaited only once the writes before are done: marked handled now, so a failed open is not an unhandled rejection.
      this.handle.catch(() => {})
    }
    const handle = this.handle
    // Failures are kept, not left as a rejected promise nobody awaits yet (that would end the process).
    this.writes = this.writes.then(async () => {
      if (this.failed) return
      try {
        await writeAll(await handle, chunk)
      } catch (error) {
        this.failed = writeError(this.file, error, true)
        this.failing.abort()
      }
    })
  }
}

export function readTrace(ref: TraceRef): Trace {
  const fd = openSync(ref.file, 'r')
  try {
    const buffer = Buffer.allocUnsafe(ref.length)
    readSync(fd, buffer, 0, ref.length, ref.offset)
    return decodeTrace(buffer.toString('utf8'))
  } finally {
    closeSync(fd)
  }
}

/** A trace, read from its spool when given by reference. */
export function traceOf(replay: Trace | TraceRef): Trace {
  return 'offset' in replay ? readTrace(replay) : replay
}
