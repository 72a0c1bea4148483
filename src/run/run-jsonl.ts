/**
 * `rinse run --format jsonl`: clean the text field of every record of one
 * JSONL file (or every .jsonl file under a folder) into OUT/cleaned/<same
 * path>, keeping every other field and the record order. A record that cannot
 * be cleaned (bad JSON, no text field) is passed through unchanged and
 * reported; a duplicate dropped by a corpus stage is left out (or written to
 * OUT/duplicates/). Resume works per file.
 */
import {cleanedPath, duplicatePath} from '../io/out-paths.js'
import {createWriteStream} from 'node:fs'
import {rename, rm, stat} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'
import {mkdir} from 'node:fs/promises'
import {once} from 'node:events'
import {finished} from 'node:stream/promises'
import pLimit from 'p-limit'
import {readJsonl, withText, type JsonlOptions, type JsonlRecord} from '../io/jsonl.js'
import {contentHasher} from '../io/content-hash.js'
import {Manifest, type LocatedSummary, type ManifestEntry} from './manifest.js'
import {listInputFiles, type InputFile} from '../io/walk.js'
import {statFiles} from '../io/stat-files.js'
import {cannotRead} from '../io/read-document.js'
import {stopsRun, writeError, writingTo} from '../io/write-error.js'
import type {FailedDocument} from '../report/schema.js'
import type {DocumentEdits} from '../report/compact.js'
import {serializeDocument, type SerializedDocument} from '../report/summarize.js'
import {buildCorpus, dropDecision, fingerprintCorpus, hasCorpusStages, type CorpusDocument} from '../engine/corpus.js'
import {forRecords} from '../config/pipeline-file.js'
import {documentSite} from '../io/site.js'
import {createPipeline} from '../library/pipeline.js'
import {cleanerFor, defaultWorkers} from './pool.js'
import {TraceSpool, type TraceRef} from './trace-spool.js'
import {mapLimited} from '../engine/limited.js'
import {
  anySignal,
  closeRun,
  skippingStopped,
  collectionProgress,
  finishRun,
  passCounter,
  stoppedBeforeCleaning,
  manifestSource,
  type RunOptions,
  type RunResult
} from './batch.js'
import {pushAll} from '../engine/arrays.js'
import {UsageError, WriteError} from '../errors.js'

export async function runJsonl(options: RunOptions & JsonlOptions): Promise<RunResult> {
  const started = performance.now()
  const input = resolve(options.input)
  const out = resolve(options.out)
  const info = await stat(input).catch(() => {
    throw new UsageError(`input not found: ${input}`)
  })
  const files: InputFile[] = info.isDirectory()
    ? (await listInputFiles(input, {extensions: options.extensions ?? ['.jsonl', '.ndjson'], exclude: out})).files
    : [{path: input, relative: basename(input)}]
  if (files.some((file) => cleanedPath(out, file.relative) === file.path)) throw new UsageError('--out must not hold the input file')
  const pipeline = createPipeline(forRecords(options.pipeline))
  const manifest = await Manifest.open(join(out, '.rinse', 'manifest.jsonl'), {fresh: options.force ?? false})
  const documents: LocatedSummary[] = []
  const entries: ManifestEntry[] = []
  const failures: FailedDocument[] = []
  const workers = Math.max(1, options.workers ?? defaultWorkers())
  const width = Math.max(1, options.concurrency ?? 16) * workers
  const docPath = (file: InputFile, record: JsonlRecord): string =>
    options.idField ? `${file.relative}#${record.id}` : `${file.relative}:${record.line}`

  // A file that cannot be stated (a dangling link, one removed since the listing) is
  // reported and left out; the batch goes on.
  const statted = await statFiles(files.map((file) => file.path))
  const stats = statted.map((info) => (info instanceof Error ? undefined : info))
  const unreadable = (i: number): FailedDocument => ({path: files[i]!.relative, error: cannotRead(statted[i])})
  let finished = await mapLimited(files, pLimit(16), async (file, i) => {
    const info = stats[i]
    return info && (await manifest.done(file.relative, {path: file.path, ...info}, pipeline.config.hash, cleanedPath(out, file.relative)))
  })
  // One worker pool for the whole run; it is told when the corpus indexes change.
  // Records travel to the workers as text: batches stay as small as before, for the workers' capped heaps.
  const cleaner = cleanerFor(pipeline, {workers, inFlight: 16, fileTimeoutMs: options.fileTimeoutMs})
  // What collection did to each record waits on disk for the cleaning pass to replay,
  // as in folder runs; records are known by file and line (ids may repeat).
  const spool = new TraceSpool(join(out, '.rinse', 'traces.jsonl'))
  const traces = new Map<string, TraceRef>()
  const recordKey = (fileIndex: number, record: JsonlRecord): string => `${fileIndex}:${record.line}`
  // Records that could not be cleaned (stopped by the watchdog): passed through unchanged and reported.
  const unclean = new Map<string, string>()
  let resumed = 0
  let done = 0
  let bytes = 0
  let failing = false
  try {
    // With corpus stages a record's result depends on the whole batch, and JSONL runs
    // keep no saved indexes: the batch is collected on every run, and a finished file
    // is reused only if the index came out as it was when the file was cleaned.
    const collecting = hasCorpusStages(pipeline.stages)
    let corpusFingerprint: string | undefined
    const passes = passCounter(pipeline.stages, collecting)
    if (collecting) {
      // Records are counted as they come: a JSONL file's record count is known only once it is read.
      const reportCollected = collectionProgress(pipeline.stages, options.onProgress)
      // Files finished before are not cleaned again: their traces are not needed.
      const wanted = files.map((_, i) => !finished[i])
      const readable = files.map((_, i) => stats[i] !== undefined)
      const built = await buildCorpus(pipeline.stages, () => corpusDocuments(files, readable, options, docPath, recordKey), {
        collector: {
          collect: skippingStopped<CorpusRecord>(unclean, (record) => record.key, cleaner.collect),
          refresh: () => cleaner.refresh()
        },
        concurrency: width,
        onCollected: (stage, record) => reportCollected(stage, record.path, Buffer.byteLength(record.text)),
        onTrace: (record, trace) => {
          if (wanted[record.file]) traces.set(record.key, spool.append(trace))
        },
        // A spool write that failed (a full disk) stops collection too; the flush below reports it.
        signal: anySignal(options.signal, spool.stopped)
      })
      await spool.flush()
      if (!built) return await stoppedBeforeCleaning(out, {...options, pipeline: pipeline.config}, pipeline.stages, started)
      corpusFingerprint = fingerprintCorpus(pipeline.stages)
      finished = finished.map((entry) => (entry?.corpus === corpusFingerprint ? entry : undefined))
    }
    cleaner.refresh()
    for (const [i, file] of files.entries()) {
      const previous = finished[i]
      // A file an earlier run finished is taken even after Ctrl-C: it costs nothing, and stays in the report.
      if (options.signal?.aborted && !previous) continue
      if (!stats[i]) {
        failures.push(unreadable(i))
        continue
      }
      if (previous) {
        pushAll(documents, previous.documents)
        pushAll(failures, previous.failures)
        entries.push(previous)
        resumed++
        continue
      }
      // A file that cannot be read (removed, no permission, an I/O error) fails alone: its
      // unfinished outputs are discarded and the batch goes on.
      let cleaned: AtomicLines | undefined
      let duplicates: AtomicLines | undefined
      try {
        // The manifest's hash is of the bytes this run cleans, taken as they are read.
        const input = contentHasher()
        const fileDocuments: SerializedDocument[] = []
        const fileFailures: FailedDocument[] = []
        const target = cleanedPath(out, file.relative)
        const duplicatesTarget = duplicatePath(out, file.relative)
        cleaned = await openAtomic(target)
        duplicates = options.duplicates === 'write' ? await openAtomic(duplicatesTarget) : undefined
        const results = orderedMap(
          readJsonl(file.path, options, (chunk) => input.update(chunk)),
          async (record) => {
            if (record.text === undefined) return {record}
            const key = recordKey(i, record)
            if (unclean.has(key)) return {record, problem: unclean.get(key)}
            const t0 = performance.now()
            try {
              const result = await cleaner.clean(record.text, docPath(file, record), traces.get(key))
              return {record, result, ms: performance.now() - t0}
            } catch (error) {
              return {record, problem: (error as Error).message}
            }
          },
          width
        )
        for await (const {record, result, ms, problem} of results) {
          if (record.blank) {
            await cleaned.write(record.raw)
            continue
          }
          if (!result || record.text === undefined || !record.record) {
            fileFailures.push({path: `${file.relative}:${record.line}`, error: problem ?? record.problem ?? 'cannot be cleaned'})
            await cleaned.write(record.raw)
            continue
          }
          const path = docPath(file, record)
          const dropped = dropDecision(pipeline.stages, path)
          const line = withText(record.record, options.textField, result.text)
          if (dropped) await duplicates?.write(line)
          else await cleaned.write(line)
          const document: DocumentEdits = {
            path,
            bytesIn: Buffer.byteLength(record.text),
            bytesOut: dropped ? 0 : Buffer.byteLength(result.text),
            ms: Math.round((ms ?? 0) * 100) / 100,
            edits: result.edits,
            conflicts: result.conflicts
          }
          const site = documentSite(pipeline.config.site, path)
          if (site) document.site = site
          if (result.warnings.length > 0) document.warnings = result.warnings
          if (dropped) document.dropped = dropped
          fileDocuments.push(serializeDocument(document))
          bytes += document.bytesIn
          done++
          options.onProgress?.({phase: 'clean', ...passes.cleaning, done, total: done, bytes, path, failed: false})
        }
        const output = await cleaned.commit()
        await duplicates?.commit()
        const entry = await manifest.record(
          {
            path: file.relative,
            size: stats[i].size,
            mtimeMs: stats[i].mtimeMs,
            pipeline: pipeline.config.hash,
            hash: input.digest(),
            output,
            corpus: corpusFingerprint
          },
          fileDocuments,
          fileFailures
        )
        pushAll(documents, entry.documents)
        pushAll(failures, fileFailures)
        entries.push(entry)
      } catch (error) {
        await cleaned?.discard()
        await duplicates?.discard()
        // A full disk is not this file's failure: the run stops, and a re-run does this file.
        if (stopsRun(error)) throw error
        failures.push({
          path: file.relative,
          error:
            error instanceof WriteError
              ? error.message
              : (error as NodeJS.ErrnoException).code
                ? cannotRead(error)
                : String((error as Error).message ?? error)
        })
      }
    }
    // A line that could not be written stops the run here, before a report is built on it.
    await manifest.flush()
    await cleaner.close()
    const source = manifestSource(manifest, documents, entries)
    // Each input file has one cleaned file, and one of duplicates when they are written.
    const inputs = new Set(files.map((file) => file.relative))
    const expected = {inputs, duplicates: options.duplicates === 'write' ? inputs : new Set<string>()}
    return await finishRun(out, {...options, pipeline: pipeline.config}, pipeline.stages, source, failures, resumed, started, expected)
  } catch (error) {
    failing = true
    throw error
  } finally {
    await closeRun(failing, cleaner, manifest, spool)
  }
}

/** A record for corpus collection: its path in reports, and where it is (file index and line key). */
interface CorpusRecord extends CorpusDocument {
  file: number
  key: string
}

async function* corpusDocuments(
  files: readonly InputFile[],
  readable: readonly boolean[],
  options: JsonlOptions,
  docPath: (file: InputFile, record: JsonlRecord) => string,
  recordKey: (fileIndex: number, record: JsonlRecord) => string
): AsyncGenerator<CorpusRecord> {
  for (const [index, file] of files.entries()) {
    if (!readable[index]) continue
    try {
      for await (const record of readJsonl(file.path, options))
        if (record.text !== undefined) yield {path: docPath(file, record), text: record.text, file: index, key: recordKey(index, record)}
    } catch (error) {
      // Out of file descriptors stops the run; a file that cannot be read for its own
      // reason fails again when it is cleaned, and is reported then.
      if (stopsRun(error)) throw error
    }
  }
}

/** Map with up to `width` calls in flight, yielding results in input order. */
export async function* orderedMap<T, R>(source: AsyncIterable<T>, fn: (item: T) => Promise<R>, width: number): AsyncGenerator<R> {
  const queue: Array<Promise<R>> = []
  for await (const item of source) {
    const result = fn(item)
    // A consumer that stops early (a write failed) leaves results unawaited: their failures must not end the process.
    result.catch(() => {})
    queue.push(result)
    if (queue.length >= width) yield await queue.shift()!
  }
  while (queue.length > 0) yield await queue.shift()!
}

/** A line writer to a temporary file that becomes `path` on commit (which gives the content hash of what was written), or is removed on discard. */
interface AtomicLines {
  write(line: string): Promise<void>
  commit(): Promise<string>
  discard(): Promise<void>
}

async function openAtomic(path: string): Promise<AtomicLines> {
  await writingTo(path, () => mkdir(dirname(path), {recursive: true}))
  const temp = `${path}.${process.pid}.tmp`
  const stream = createWriteStream(temp)
  // A write fails after it returned (a full disk): kept here, not left as an 'error' event nobody listens to.
  let failed: Error | undefined
  stream.on('error', (error) => (failed ??= writeError(path, error)))
  const written = contentHasher()
  return {
    async write(line) {
      if (failed) throw failed
      const bytes = line + '\n'
      written.update(bytes)
      if (!stream.write(bytes)) await writingTo(path, () => once(stream, 'drain'))
    },
    async commit() {
      if (failed) throw failed
      stream.end()
      // Unlike once('finish'), also settles for a stream that failed before.
      await writingTo(path, () => finished(stream))
      await writingTo(path, () => rename(temp, path)).catch(async (error) => {
        await rm(temp, {force: true})
        throw error
      })
      return written.digest()
    },
    async discard() {
      stream.destroy()
      await rm(temp, {force: true})
    }
  }
}
