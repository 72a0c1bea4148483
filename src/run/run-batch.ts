/**
 * The run loop of every single-machine run, whatever the input: check what an
 * earlier run finished, build the corpus indexes (collected again, or taken as
 * saved), clean what is left, and write the report. A source says what the
 * batch's files are and how one is collected and cleaned: `folder-source.ts` (a
 * text file is a document) and `jsonl-source.ts` (a record is a document).
 */
import {rm} from 'node:fs/promises'
import {join} from 'node:path'
import pLimit from 'p-limit'
import {jsonKey} from '../io/content-hash.js'
import {lockOut} from '../io/out-lock.js'
import {cleanedPath} from '../io/out-paths.js'
import {cannotRead} from '../io/read-document.js'
import {statFiles, type FileStat} from '../io/stat-files.js'
import type {ExpectedOutputs} from '../io/stale-outputs.js'
import type {InputFile} from '../io/walk.js'
import {stopsRun} from '../io/write-error.js'
import type {DocumentSummary, FailedDocument} from '../report/schema.js'
import {buildCorpus, corpusSnapshots, fingerprintCorpus, hasCorpusStages, type Collector} from '../engine/corpus.js'
import {forEachLimited, mapLimited} from '../engine/limited.js'
import {pushAll} from '../engine/arrays.js'
import type {Pipeline} from '../library/pipeline.js'
import {InputError, WriteError} from '../errors.js'
import {Manifest, type LocatedSummary, type ManifestEntry, type ManifestMeta} from './manifest.js'
import {cleanerFor, type Cleaner, type PoolSettings} from './pool.js'
import {loadCorpus, saveCorpus, tryRestore, type SavedCorpus} from './corpus-state.js'
import {TraceSpool, type TraceRef} from './trace-spool.js'
import {
  anySignal,
  closeRun,
  collectionProgress,
  finishRun,
  manifestSource,
  passCounter,
  skippingStopped,
  stoppedBeforeCleaning,
  type RunOptions,
  type RunResult
} from './batch.js'

/** What a run reads and how: the one part of a run that differs between folders and JSONL files. */
export interface BatchSource<Document extends {path: string}> {
  out: string
  /** The batch's input files, sorted: each is finished (and resumed) as a whole. */
  files: readonly InputFile[]
  /** What could not be listed (a subfolder without permission): failures of the run. */
  unread: readonly FailedDocument[]
  pipeline: Pipeline
  pool: PoolSettings
  /** Documents read, collected or cleaned at once. */
  concurrency: number
  /** Files cleaned at once (a JSONL file keeps its records in flight itself). */
  filesAtOnce: number
  /** Documents in the batch, when known before they are read (one per file); else counted as they come. */
  documentCount?: number
  /** The documents of the batch for corpus collection, in the same order each time; `stats[i]`: files[i]'s, if it could be stated. */
  documents(stats: ReadonlyArray<FileStat | undefined>): Iterable<Document> | AsyncIterable<Document>
  collect(cleaner: Cleaner): Collector<Document>
  /** A document's key in this run (for its trace and the watchdog's verdict). */
  keyOf(document: Document): string
  bytesOf(document: Document): number
  /** An entry an earlier run finished whose outputs are still as it wrote them. */
  stillFinished?(file: InputFile, entry: ManifestEntry): Promise<boolean>
  /** Clean one file (that could be stated) and write its outputs; its manifest entry. An InputError is the file's failure. */
  clean(file: InputFile, context: FileContext): Promise<ManifestEntry>
  /** What this run's outputs may be: others in OUT are stale. */
  expected(documents: readonly DocumentSummary[]): ExpectedOutputs
}

/** What the loop gives a source for cleaning one file. */
export interface FileContext {
  index: number
  cleaner: Cleaner
  manifest: Manifest
  /** The manifest's fields the loop knows: path, stat, pipeline, batch and corpus index. */
  meta: ManifestMeta
  /** What collection did to a document, for the cleaning pass to replay. */
  replay(key: string): TraceRef | undefined
  /** Why the watchdog stopped a document while collecting: it fails with that. */
  stopped(key: string): string | undefined
  /** A document cleaned, for progress. */
  cleaned(path: string, bytes: number): void
}

export async function runBatch<Document extends {path: string}>(
  options: RunOptions,
  source: BatchSource<Document>,
  started = performance.now()
): Promise<RunResult> {
  const release = await lockOut(source.out)
  try {
    return await runLocked(options, source, started)
  } finally {
    await release()
  }
}

async function runLocked<Document extends {path: string}>(
  options: RunOptions,
  source: BatchSource<Document>,
  started: number
): Promise<RunResult> {
  const {out, files, pipeline} = source
  const config = pipeline.config
  const runOptions = {...options, pipeline: config}
  const manifest = await Manifest.open(join(out, '.rinse', 'manifest.jsonl'), {fresh: options.force ?? false})
  const statted = await statFiles(files.map((file) => file.path))
  const stats = statted.map((info) => (info instanceof Error ? undefined : info))

  const candidates = await finishedBefore(options, source, manifest, stats)
  if (options.signal?.aborted) {
    await manifest.close()
    return await stoppedBeforeCleaning(out, runOptions, pipeline.stages, started)
  }
  const documents: LocatedSummary[] = []
  // This run's files, for the manifest to point into report.json once it is written.
  const entries: ManifestEntry[] = []
  const failures: FailedDocument[] = [...source.unread]
  let resumed = 0
  // One worker pool serves the whole run, told each time an index changes.
  const cleaner = cleanerFor(pipeline, source.pool)
  // Traces let the cleaning pass replay what collection already did; they wait on disk.
  const spool = new TraceSpool(join(out, '.rinse', 'traces.jsonl'))
  const traces = new Map<string, TraceRef>()
  // A document the watchdog stopped while collecting is left out of the indexes (as an
  // unreadable one is), not tried again by a later corpus stage, and fails with why.
  const stoppedDocuments = new Map<string, string>()
  // An output that could not be written for a reason every later file would meet too (a full disk).
  let stopped: WriteError | undefined
  let failing = false
  try {
    const corpus = await corpusIndexes(options, source, {cleaner, spool, traces, stoppedDocuments, stats, candidates})
    if (!corpus) return await stoppedBeforeCleaning(out, runOptions, pipeline.stages, started)
    // A finished file is reused only if the corpus index is the one it was cleaned with.
    const finished = hasCorpusStages(pipeline.stages)
      ? candidates.map((entry) => (entry?.corpus === corpus.fingerprint ? entry : undefined))
      : candidates
    const passes = passCounter(pipeline.stages, corpus.collected)
    let done = 0
    let bytes = 0
    const progress = (path: string, read: number, failed: boolean): void => {
      done++
      bytes += read
      const total = source.documentCount ?? done
      options.onProgress?.({phase: 'clean', ...passes.cleaning, done, total, skipped: resumed, bytes, path, failed})
    }
    const take = (entry: ManifestEntry): void => {
      pushAll(documents, entry.documents)
      pushAll(failures, entry.failures)
      entries.push(entry)
    }

    await forEachLimited(files, pLimit(source.filesAtOnce), async (file, index) => {
      const previous = finished[index]
      // A file an earlier run finished is taken even after Ctrl-C: it costs nothing, and stays in the report.
      if ((options.signal?.aborted && !previous) || stopped) return
      if (previous) {
        take(previous)
        resumed++
        for (const document of previous.documents) progress(document.path, 0, false)
        return
      }
      try {
        const info = stats[index]
        if (!info) throw new InputError(file.relative, cannotRead(statted[index]))
        const meta: ManifestMeta = {
          path: file.relative,
          size: info.size,
          mtimeMs: info.mtimeMs,
          pipeline: config.hash,
          batch: corpus.batch,
          corpus: corpus.fingerprint
        }
        take(
          await source.clean(file, {
            index,
            cleaner,
            manifest,
            meta,
            replay: (key) => traces.get(key),
            stopped: (key) => stoppedDocuments.get(key),
            cleaned: (path, read) => progress(path, read, false)
          })
        )
      } catch (error) {
        // Not this file's failure: the run stops once the files in flight are done, and a re-run does this one.
        if (stopsRun(error)) {
          stopped ??= error
          return
        }
        failures.push({path: file.relative, error: problemOf(error)})
        progress(file.relative, 0, true)
      }
    })
    // No report: the one of an earlier run stays, and the re-run writes the new one.
    if (stopped) throw stopped
    // A line that could not be written stops the run here, before a report is built on it.
    await manifest.flush()
    await cleaner.close()
    const result = await finishRun(
      out,
      runOptions,
      pipeline.stages,
      manifestSource(manifest, documents, entries),
      failures,
      resumed,
      started,
      {
        ...source.expected(documents),
        unread: new Set(source.unread.map((folder) => folder.path))
      }
    )
    if (options.signal?.aborted) result.interrupted = true
    return result
  } catch (error) {
    failing = true
    throw error
  } finally {
    await closeRun(failing, cleaner, manifest, spool)
  }
}

/** What a file's failure says in the report. */
function problemOf(error: unknown): string {
  if (error instanceof InputError) return error.problem
  // A read that failed mid-file (a JSONL file removed or unreadable since it was listed).
  if (!(error instanceof WriteError) && (error as NodeJS.ErrnoException).code) return cannotRead(error)
  return String((error as Error).message ?? error)
}

/** Entries of an earlier run for files that need no cleaning (before the corpus index is known). */
async function finishedBefore<Document extends {path: string}>(
  options: RunOptions,
  source: BatchSource<Document>,
  manifest: Manifest,
  stats: ReadonlyArray<FileStat | undefined>
): Promise<Array<ManifestEntry | undefined>> {
  const {files, out} = source
  // Checked only when an earlier run left a manifest: a copied folder may need every file read.
  const reportChecked = manifest.finished > 0 ? checkProgress(options.onProgress, files.length) : () => {}
  return await mapLimited(files, pLimit(source.concurrency), async (file, i) => {
    // Ctrl-C while checking: the files left are not read (the run stops).
    if (options.signal?.aborted) return undefined
    reportChecked(file.relative)
    const info = stats[i]
    const entry =
      info && (await manifest.done(file.relative, {path: file.path, ...info}, source.pipeline.config.hash, cleanedPath(out, file.relative)))
    if (!entry) return undefined
    return !source.stillFinished || (await source.stillFinished(file, entry)) ? entry : undefined
  })
}

/** The corpus indexes of a run, and how they came: collected now, or taken as an earlier run saved them. */
interface CorpusIndexes {
  collected: boolean
  /** The batch's key (files, sizes, mtimes), with corpus stages. */
  batch?: string | undefined
  fingerprint?: string | undefined
}

interface CorpusWork {
  cleaner: Cleaner
  spool: TraceSpool
  traces: Map<string, TraceRef>
  stoppedDocuments: Map<string, string>
  stats: ReadonlyArray<FileStat | undefined>
  candidates: ReadonlyArray<ManifestEntry | undefined>
}

/**
 * With corpus stages a document's result depends on the whole batch. An unchanged
 * batch takes the indexes its earlier run saved; otherwise the batch is collected
 * again. Undefined: stopped while collecting.
 */
async function corpusIndexes<Document extends {path: string}>(
  options: RunOptions,
  source: BatchSource<Document>,
  work: CorpusWork
): Promise<CorpusIndexes | undefined> {
  const {pipeline, files, out} = source
  const {cleaner, spool, traces, stoppedDocuments, stats, candidates} = work
  if (!hasCorpusStages(pipeline.stages)) return {collected: false}
  const corpusFile = join(out, '.rinse', 'corpus.v8')
  if (options.force) await rm(corpusFile, {force: true})
  // A batch whose key changed only because files were touched or copied (new mtimes)
  // is the same batch: the same paths, each a file that batch cleaned (unchanged, or
  // with the same bytes).
  const batch = batchKey(files, stats)
  const paths = jsonKey(files.map((file) => file.relative))
  const sameFiles = (saved: SavedCorpus): boolean => saved.paths === paths && candidates.every((entry) => entry?.batch === saved.batch)
  const saved = await loadCorpus(corpusFile, (candidate) => candidate.batch === batch || sameFiles(candidate), pipeline.config.hash)
  if (saved && tryRestore(pipeline.stages, saved.snapshots)) {
    // The pool's threads started with the indexes unbuilt.
    cleaner.refresh()
    return {collected: false, batch: saved.batch, fingerprint: saved.fingerprint}
  }
  // Without saved indexes (none yet, another rinse version, damaged) the batch is
  // collected, even when every file is finished: the report's clusters need them.
  const reportCollected = collectionProgress(pipeline.stages, options.onProgress, source.documentCount)
  // Documents that could not be read are not in the indexes: a re-run must collect again, as they may be readable then.
  let unread = 0
  const built = await buildCorpus(pipeline.stages, () => source.documents(stats), {
    collector: {collect: skippingStopped(stoppedDocuments, source.keyOf, source.collect(cleaner)), refresh: () => cleaner.refresh()},
    concurrency: source.concurrency,
    onTrace: (document, trace) => traces.set(source.keyOf(document), spool.append(trace)),
    onCollected: (stage, document, read) => {
      if (!read) unread++
      reportCollected(stage, document.path, source.bytesOf(document))
    },
    // A spool write that failed (a full disk) stops collection too; the flush below reports it.
    signal: anySignal(options.signal, spool.stopped)
  })
  await spool.flush()
  if (!built) return undefined
  const fingerprint = fingerprintCorpus(pipeline.stages)
  if (unread === 0)
    saveCorpus(corpusFile, {batch, paths, pipeline: pipeline.config.hash, fingerprint, snapshots: corpusSnapshots(pipeline.stages)})
  else await rm(corpusFile, {force: true})
  // The threads collected with the last index unbuilt.
  cleaner.refresh()
  return {collected: true, batch, fingerprint}
}

/** What a batch is: each file's path, size and mtime (none for a file that could not be stated). */
export function batchKey(files: readonly InputFile[], stats: ReadonlyArray<FileStat | Error | undefined>): string {
  return jsonKey(
    files.map((file, i) => {
      const info = stats[i]
      return info instanceof Error || !info ? [file.relative, undefined, undefined] : [file.relative, info.size, info.mtimeMs]
    })
  )
}

/** Progress of the check for finished files (pass 0: the passes are not known yet). */
function checkProgress(onProgress: RunOptions['onProgress'], total: number): (path: string) => void {
  let done = 0
  return (path) => onProgress?.({phase: 'check', pass: 0, passes: 0, done: ++done, total, bytes: 0, path, failed: false})
}
