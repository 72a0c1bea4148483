/**
 * Traces recorded during corpus collection wait on disk, not in memory, for the
 * final pass: each thread appends to its own file in the spool folder and hands
 * back where the trace is. Memory stays flat however large the batch.
 */
import {appendFileSync, closeSync, mkdirSync, openSync, readSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {threadId} from 'node:worker_threads'
import type {Trace} from './clean-document.js'

export interface TraceRef {
  file: string
  offset: number
  length: number
}

export class TraceSpool {
  private readonly file: string
  private size = 0

  constructor(folder: string) {
    mkdirSync(folder, {recursive: true})
    this.file = join(folder, `${process.pid}-${threadId}-${Date.now().toString(36)}.jsonl`)
  }

  write(trace: Trace): TraceRef {
    const bytes = Buffer.from(JSON.stringify(trace) + '\n')
    try {
      appendFileSync(this.file, bytes)
    } catch (error) {
      // The folder of an earlier run in this thread was cleared: start the file afresh.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      mkdirSync(dirname(this.file), {recursive: true})
      this.size = 0
      appendFileSync(this.file, bytes)
    }
    const ref = {file: this.file, offset: this.size, length: bytes.length - 1}
    this.size += bytes.length
    return ref
  }
}

export function readTrace(ref: TraceRef): Trace {
  const fd = openSync(ref.file, 'r')
  try {
    const buffer = Buffer.allocUnsafe(ref.length)
    readSync(fd, buffer, 0, ref.length, ref.offset)
    return JSON.parse(buffer.toString('utf8')) as Trace
  } finally {
    closeSync(fd)
  }
}

/** One spool per folder per thread. */
const spools = new Map<string, TraceSpool>()

export function spoolIn(folder: string): TraceSpool {
  let spool = spools.get(folder)
  if (!spool) spools.set(folder, (spool = new TraceSpool(folder)))
  return spool
}
