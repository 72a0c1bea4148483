/**
 * The resume manifest: one JSON line per finished input file, appended as files
 * finish. A re-run skips files whose input (size, mtime) and pipeline are
 * unchanged and whose output exists; a torn last line from a crash is cut off
 * and that file is simply redone.
 *
 * While a run goes, it is also where the full report entries wait for
 * report.json: each line starts with the file's documents, so their byte ranges
 * are known when the line is written, and memory holds only summaries with those
 * ranges. Once report.json is written the manifest is rewritten to point into it
 * (`rewrite`): a line then holds what resume needs (path, size, mtime, hashes,
 * summaries) and where each entry is in report.json, whose `id` it names. A
 * line pointing into another report.json (one a crash kept from being followed
 * by its rewrite) is not taken: that file is cleaned again.
 */
import {mkdir, open, readFile, truncate, rm, type FileHandle} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {hashFile} from '../io/content-hash.js'
import {writeAll} from '../io/write-all.js'
import {writeError, writingTo} from '../io/write-error.js'
import {writeFileAtomicSync} from '../io/atomic-write.js'
import type {DocumentSummary, FailedDocument} from '../report/schema.js'
import type {SerializedDocument} from '../report/summarize.js'

/**
 * A document summary with the byte range of its full entry: in the manifest
 * file, or with `in: 'report'` in report.json.
 */
export type LocatedSummary = DocumentSummary & {at: [offset: number, length: number]; in?: 'report'}

export interface ManifestMeta {
  path: string
  size: number
  mtimeMs: number
  pipeline: string
  /** The input's content hash (see content-hash.ts), for a file touched or copied since. */
  hash?: string | undefined
  /** The content hash of the cleaned output written (none for a dropped duplicate). */
  output?: string | undefined
  /** False when the file was cleaned without writing its diff. */
  diffs?: false | undefined
  /** With corpus stages: the batch's file list key and the corpus index's fingerprint when this file was cleaned. */
  batch?: string | undefined
  corpus?: string | undefined
}

export interface ManifestEntry extends ManifestMeta {
  /** One for a text file; one per record for a JSONL file. */
  documents: LocatedSummary[]
  /** Records of a JSONL file that could not be cleaned. */
  failures: FailedDocument[]
}

const PREFIX = '{"documents":['

/**
 * The layout of a line, the version of the report.json entries it holds or points
 * to: lines of another (an earlier rinse's, whose entries are of another
 * report.json version) are not taken, and those files are cleaned again.
 */
const FORMAT = 5

/** How much of a file a read takes before and after the entry asked for. */
const READ_BEHIND = 256 * 1024
const READ_AHEAD = 1024 * 1024

/** Reads byte ranges of a file that only grows (or is replaced whole): each read takes a stretch, and the next ranges mostly come from it. */
class RangeReader {
  private handle: Promise<FileHandle> | undefined
  private window: {start: number; bytes: Buffer} | undefined

  constructor(private readonly file: string) {}

  /** The range's bytes, a view of the stretch read (not a copy: a large batch's report passes through here whole). */
  async read([start, length]: readonly [number, number]): Promise<Buffer> {
    let window = this.window
    if (!window || start < window.start || start + length > window.start + window.bytes.length) {
      this.handle ??= open(this.file, 'r')
      const handle = await this.handle
      const from = Math.max(0, start - READ_BEHIND)
      const buffer = Buffer.allocUnsafe(start - from + Math.max(length, READ_AHEAD))
      const {bytesRead} = await handle.read(buffer, 0, buffer.length, from)
      window = this.window = {start: from, bytes: buffer.subarray(0, bytesRead)}
    }
    return window.bytes.subarray(start - window.start, start - window.start + length)
  }

  async close(): Promise<void> {
    const handle = this.handle
    this.handle = this.window = undefined
    // A handle whose open failed has nothing to close.
    await handle?.then((opened) => opened.close()).catch(() => {})
  }
}

/** The `id` of a report.json (near its start), if there is one. */
async function reportId(file: string): Promise<string | undefined> {
  let handle: FileHandle | undefined
  try {
    handle = await open(file, 'r')
    const buffer = Buffer.alloc(512)
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0)
    return /^ {2}"id": "([0-9a-f]+)",$/m.exec(buffer.toString('utf8', 0, bytesRead))?.[1]
  } catch {
    return undefined
  } finally {
    await handle?.close()
  }
}

export class Manifest {
  private appender: Promise<FileHandle> | undefined
  private readonly lines: RangeReader
  private readonly report: RangeReader
  private queue: Promise<void> = Promise.resolve()
  /** Lines queued for the next write. */
  private pending: Uint8Array[] = []
  /** The first write that failed: later appends and close() report it. */
  private failed: Error | undefined

  private constructor(
    readonly file: string,
    /** The report.json its rewritten lines point into, and that report's id (none when there is none). */
    readonly reportFile: string,
    private readonly reportId: string | undefined,
    private readonly entries: Map<string, ManifestEntry>,
    /** Bytes in the file once every queued line is written. */
    private size: number
  ) {
    this.lines = new RangeReader(file)
    this.report = new RangeReader(reportFile)
  }

  /** `report` is the report.json of the same OUT (default: two folders up, OUT/.rinse/manifest.jsonl → OUT/report.json). */
  static async open(file: string, options: {fresh: boolean; report?: string}): Promise<Manifest> {
    const reportFile = options.report ?? join(dirname(dirname(file)), 'report.json')
    const entries = new Map<string, ManifestEntry>()
    let size = 0
    let report: string | undefined
    if (options.fresh) {
      await writingTo(file, () => rm(file, {force: true}), true)
    } else {
      let bytes: Buffer = Buffer.alloc(0)
      try {
        bytes = await readFile(file)
      } catch {
        // No manifest yet: a first run.
      }
      report = await reportId(reportFile)
      let start = 0
      for (let end = bytes.indexOf(10); end !== -1; start = end + 1, end = bytes.indexOf(10, start)) {
        const entry = parseLine(bytes.subarray(start, end), start, report)
        if (entry) entries.set(entry.path, entry)
      }
      // A line cut short by a crash: drop it, so the next line does not glue onto it.
      if (start < bytes.length) await writingTo(file, () => truncate(file, start), true)
      size = start
    }
    await writingTo(file, () => mkdir(dirname(file), {recursive: true}), true)
    return new Manifest(file, reportFile, report, entries, size)
  }

  /** How many files earlier runs finished (0 for a first run). */
  get finished(): number {
    return this.entries.size
  }

  /**
   * The entry an earlier run finished for a file, if its input and the pipeline
   * are unchanged (`input.path` is where the file is read to compare hashes).
   * Lines appended by this run are not looked up again, so they are not kept
   * here (100,000 entries would stay in memory for nothing).
   */
  async done(
    path: string,
    input: {path: string; size: number; mtimeMs: number},
    pipeline: string,
    /** Where the cleaned output is. */
    output: string
  ): Promise<ManifestEntry | undefined> {
    const entry = this.entries.get(path)
    if (!entry || entry.size !== input.size || entry.pipeline !== pipeline) return undefined
    // Same size and mtime: taken as unchanged, as make and rsync do. A new mtime
    // (the folder was copied, the file touched or downloaded again) costs reading
    // the file and its output: the same bytes still need no cleaning.
    if (entry.mtimeMs === input.mtimeMs) return entry
    if (entry.hash === undefined || (await hashFile(input.path)) !== entry.hash) return undefined
    // The output must still be the one this entry wrote: a later clean of other
    // bytes, whose line a crash lost, may have replaced it.
    if ((await hashFile(output)) !== entry.output) return undefined
    // Recorded again with the new mtime, so the next run takes the fast path.
    return this.recordAgain(entry, input.mtimeMs)
  }

  private async recordAgain(entry: ManifestEntry, mtimeMs: number): Promise<ManifestEntry> {
    const {documents: located, failures, ...meta} = entry
    if (this.reportId !== undefined && located.every((document) => document.in === 'report')) {
      // Its entries are in report.json: the new line points there too.
      const line = {format: FORMAT, report: this.reportId, ...meta, mtimeMs, summaries: located, failures}
      this.queueBytes(Buffer.from(JSON.stringify(line) + '\n'))
      return {...entry, mtimeMs}
    }
    const documents = await Promise.all(
      entry.documents.map(async (located) => {
        const {at: _at, in: _in, ...summary} = located
        return {summary, json: String(await this.read(located))}
      })
    )
    return this.append(manifestLine({...meta, mtimeMs}, documents, failures))
  }

  /** Append one finished file. Lines are written in order through one open handle. */
  record(meta: ManifestMeta, documents: readonly SerializedDocument[], failures: FailedDocument[] = []): Promise<ManifestEntry> {
    return this.append(manifestLine(meta, documents, failures))
  }

  /**
   * Append a line built elsewhere (by the worker that cleaned the file). The
   * line is queued, not waited for: lines that queue up while one write is on
   * its way go out together in the next, in order. A line lost to a crash only
   * means that file is cleaned again; `close()` (and `read()`) wait for them all.
   */
  async append(line: ManifestLine): Promise<ManifestEntry> {
    if (this.failed) throw this.failed
    const lineStart = this.size
    const entry: ManifestEntry = {
      ...line.meta,
      documents: inFile(line.documents, lineStart),
      failures: line.failures
    }
    this.queueBytes(line.bytes)
    return entry
  }

  private queueBytes(bytes: Uint8Array): void {
    if (this.failed) throw this.failed
    this.size += bytes.length
    this.pending.push(bytes)
    if (this.pending.length === 1) this.queue = this.queue.then(() => this.writePending())
  }

  private async writePending(): Promise<void> {
    const lines = this.pending
    this.pending = []
    if (lines.length === 0 || this.failed) return
    try {
      this.appender ??= open(this.file, 'a')
      const handle = await this.appender
      await writeAll(handle, lines.length === 1 ? lines[0]! : Buffer.concat(lines))
    } catch (error) {
      // Every file needs the manifest: the run stops (what was written is kept; a torn last line is cut off next time).
      this.failed = writeError(this.file, error, true)
    }
  }

  /**
   * A document's full report entry, as JSON (UTF-8 bytes), from this file or from the
   * report.json it points into. The report asks for the entries in path order,
   * which is about the order they were written, so reads mostly come from the
   * stretch the last one took. One read per entry cost a second per 10,000
   * documents, all of it waiting.
   */
  async read(summary: LocatedSummary): Promise<Uint8Array> {
    if (summary.in === 'report') return await this.report.read(summary.at)
    await this.flush()
    return await this.lines.read(summary.at)
  }

  /** Every line appended is on disk once this resolves; it rejects if one could not be written. */
  async flush(): Promise<void> {
    await this.queue
    if (this.failed) throw this.failed
  }

  /**
   * Replace the manifest by one line per file of `entries`, each pointing into
   * the report.json just written (`report` its id, `locations` where each
   * document's entry is): the entries are no longer kept twice. A file with a
   * document the report does not hold is left out (cleaned again next time).
   */
  async rewrite(
    entries: readonly ManifestEntry[],
    report: string,
    locations: ReadonlyMap<DocumentSummary, readonly [number, number]>
  ): Promise<void> {
    await this.close()
    const lines: string[] = []
    for (const entry of entries) {
      const {documents, failures, ...meta} = entry
      const summaries: LocatedSummary[] = []
      for (const document of documents) {
        const at = locations.get(document)
        if (!at) break
        const {at: _at, in: _in, ...summary} = document
        summaries.push({...summary, at: [at[0], at[1]], in: 'report'})
      }
      if (summaries.length === documents.length) lines.push(JSON.stringify({format: FORMAT, report, ...meta, summaries, failures}) + '\n')
    }
    writeFileAtomicSync(this.file, lines.join(''))
  }

  async close(): Promise<void> {
    await this.queue
    const handle = this.appender
    this.appender = undefined
    // A handle whose open failed has nothing to close.
    await handle?.then((opened) => opened.close()).catch(() => {})
    await this.lines.close()
    await this.report.close()
    if (this.failed) throw this.failed
  }
}

/**
 * One manifest line as bytes, with each document's byte range within the line:
 * built where the file was cleaned, so the main thread handles bytes, not text.
 */
export interface ManifestLine {
  meta: ManifestMeta
  bytes: Uint8Array
  documents: LocatedSummary[]
  failures: FailedDocument[]
}

export function manifestLine(meta: ManifestMeta, documents: readonly SerializedDocument[], failures: FailedDocument[] = []): ManifestLine {
  let offset = Buffer.byteLength(PREFIX)
  const located = documents.map(({summary, json}, i): LocatedSummary => {
    const length = Buffer.byteLength(json)
    const at: [number, number] = [offset, length]
    offset += length + (i < documents.length - 1 ? 1 : 0)
    return {...summary, at}
  })
  const line = `${PREFIX}${documents.map((document) => document.json).join(',')}],${JSON.stringify({
    format: FORMAT,
    ...meta,
    summaries: located,
    failures
  }).slice(1)}\n`
  return {meta, bytes: Buffer.from(line), documents: located, failures}
}

/** Byte ranges within a line, made ranges within the file. */
function inFile(summaries: readonly LocatedSummary[], lineStart: number): LocatedSummary[] {
  return summaries.map((summary) => ({...summary, at: [lineStart + summary.at[0], summary.at[1]]}))
}

/** A line of the manifest as an entry; none for a torn line, one of another layout, or one pointing into another report.json. */
function parseLine(bytes: Buffer, lineStart: number, reportId: string | undefined): ManifestEntry | undefined {
  try {
    const line = JSON.parse(bytes.toString('utf8')) as ManifestMeta & {
      format?: number
      report?: string
      summaries: LocatedSummary[]
      failures?: FailedDocument[]
    }
    const {summaries, failures, format, report, ...meta} = line
    if (!Array.isArray(summaries) || format !== FORMAT) return undefined
    if (report !== undefined && report !== reportId) return undefined
    return {
      ...meta,
      documents: report === undefined ? inFile(summaries, lineStart) : summaries,
      failures: failures ?? []
    }
  } catch {
    return undefined
  }
}
