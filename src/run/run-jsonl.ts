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
import {mkdir, rename, rm, stat} from 'node:fs/promises'
import {basename, dirname, resolve} from 'node:path'
import {once} from 'node:events'
import {finished} from 'node:stream/promises'
import {readJsonl, withText, type JsonlOptions, type JsonlRecord} from '../io/jsonl.js'
import {contentHasher} from '../io/content-hash.js'
import {listInputFiles, type InputFile} from '../io/walk.js'
import type {FileStat} from '../io/stat-files.js'
import {stopsRun, writeError, writingTo} from '../io/write-error.js'
import type {FailedDocument} from '../report/schema.js'
import {documentEdits, NOT_CLEANED} from '../report/compact.js'
import {serializeDocument, type SerializedDocument} from '../report/summarize.js'
import {dropDecision, type CorpusDocument} from '../engine/corpus.js'
import type {DocumentName} from '../engine/clean-document.js'
import {forRecords} from '../config/pipeline-file.js'
import {documentSite} from '../io/site.js'
import {createPipeline, type Pipeline} from '../library/pipeline.js'
import {defaultWorkers} from './pool.js'
import type {ManifestEntry} from './manifest.js'
import type {RunOptions, RunResult} from './batch.js'
import {runBatch, type BatchSource, type FileContext} from './run-batch.js'
import {UsageError} from '../errors.js'

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
  const workers = Math.max(1, options.workers ?? defaultWorkers())
  const width = Math.max(1, options.concurrency ?? 16) * workers
  const site = pipeline.config.site
  // A record's path in reports, and its site: its own `site` or `url` field, the pipeline's pattern winning (see site.ts).
  const nameOf = (file: InputFile, record: JsonlRecord): DocumentName => {
    const path = options.idField ? `${file.relative}#${record.id}` : `${file.relative}:${record.line}`
    return {path, site: documentSite(site, path, record.site)}
  }
  // Records are known by file and line (ids may repeat).
  const recordKey = (fileIndex: number, record: JsonlRecord): string => `${fileIndex}:${record.line}`
  const source: BatchSource<CorpusRecord> = {
    out,
    files,
    unread: [],
    pipeline,
    // Records travel to the workers as text: batches stay small, for the workers' capped heaps.
    pool: {workers, inFlight: 16, fileTimeoutMs: options.fileTimeoutMs},
    concurrency: width,
    // One file at a time, its records in flight together, written in order.
    filesAtOnce: 1,
    documents: (stats) => corpusDocuments(files, stats, options, nameOf, recordKey),
    collect: (cleaner) => cleaner.collect,
    keyOf: (record) => record.key,
    bytesOf: (record) => Buffer.byteLength(record.text),
    clean: (file, context) => cleanJsonlFile(file, context, {options, pipeline, out, width, nameOf, recordKey}),
    expected() {
      // Each input file has one cleaned file, and one of duplicates when they are written.
      const inputs = new Set(files.map((file) => file.relative))
      return {inputs, duplicates: options.duplicates === 'write' ? inputs : new Set<string>()}
    }
  }
  return await runBatch(options, source, started)
}

interface JsonlRun {
  options: RunOptions & JsonlOptions
  pipeline: Pipeline
  out: string
  width: number
  nameOf: (file: InputFile, record: JsonlRecord) => DocumentName
  recordKey: (fileIndex: number, record: JsonlRecord) => string
}

/**
 * Clean the records of one JSONL file into its cleaned file (and its duplicates
 * file), both written atomically: a file that cannot be read fails alone, its
 * unfinished outputs discarded. A record that cannot be cleaned is passed through
 * unchanged and reported.
 */
async function cleanJsonlFile(file: InputFile, context: FileContext, run: JsonlRun): Promise<ManifestEntry> {
  const {options, pipeline, out, width, nameOf, recordKey} = run
  const {cleaner, index} = context
  const stageNames = pipeline.stages.map((stage) => stage.name)
  let cleaned: AtomicLines | undefined
  let duplicates: AtomicLines | undefined
  try {
    // The manifest's hash is of the bytes this run cleans, taken as they are read.
    const input = contentHasher()
    const fileDocuments: SerializedDocument[] = []
    const fileFailures: FailedDocument[] = []
    cleaned = await openAtomic(cleanedPath(out, file.relative))
    duplicates = options.duplicates === 'write' ? await openAtomic(duplicatePath(out, file.relative)) : undefined
    const results = orderedMap(
      readJsonl(file.path, options, (chunk) => input.update(chunk)),
      async (record) => {
        if (record.text === undefined) return {record}
        const key = recordKey(index, record)
        const stopped = context.stopped(key)
        if (stopped !== undefined) return {record, problem: stopped}
        const t0 = performance.now()
        try {
          const name = nameOf(file, record)
          const dropped = dropDecision(pipeline.stages, name.path, name.site)
          const result = dropped && !duplicates ? NOT_CLEANED : await cleaner.clean(record.text, name.path, context.replay(key), name.site)
          return {record, result, ms: performance.now() - t0, name, dropped}
        } catch (error) {
          return {record, problem: (error as Error).message}
        }
      },
      width
    )
    for await (const {record, result, ms, problem, name, dropped} of results) {
      if (record.blank) {
        await cleaned.write(record.raw)
        continue
      }
      if (!result || !name || record.text === undefined || !record.record) {
        fileFailures.push({path: `${file.relative}:${record.line}`, error: problem ?? record.problem ?? 'cannot be cleaned'})
        await cleaned.write(record.raw)
        continue
      }
      const path = name.path
      const line = withText(record.record, options.textField, result.text)
      if (dropped) await duplicates?.write(line)
      else await cleaned.write(line)
      const document = documentEdits(path, result, {
        bytesIn: Buffer.byteLength(record.text),
        bytesOut: dropped ? 0 : Buffer.byteLength(result.text),
        ms: ms ?? 0,
        site: name.site,
        dropped,
        written: !dropped || duplicates !== undefined
      })
      fileDocuments.push(serializeDocument(document, stageNames))
      context.cleaned(path, document.bytesIn)
    }
    const output = await cleaned.commit()
    await duplicates?.commit()
    return await context.manifest.record({...context.meta, hash: input.digest(), output}, fileDocuments, fileFailures)
  } catch (error) {
    await cleaned?.discard()
    await duplicates?.discard()
    throw error
  }
}

/** A record for corpus collection: its path in reports, and where it is (file index and line key). */
interface CorpusRecord extends CorpusDocument {
  file: number
  key: string
}

async function* corpusDocuments(
  files: readonly InputFile[],
  stats: ReadonlyArray<FileStat | undefined>,
  options: JsonlOptions,
  nameOf: (file: InputFile, record: JsonlRecord) => DocumentName,
  recordKey: (fileIndex: number, record: JsonlRecord) => string
): AsyncGenerator<CorpusRecord> {
  for (const [index, file] of files.entries()) {
    if (!stats[index]) continue
    try {
      for await (const record of readJsonl(file.path, options))
        if (record.text !== undefined) yield {...nameOf(file, record), text: record.text, file: index, key: recordKey(index, record)}
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
