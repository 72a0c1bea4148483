/**
 * What every runner shares (folders, JSONL files, queue shards): its options,
 * progress and result, the corpus collection's failure handling, and the end of
 * a run (report.json and report.html).
 */
import {rm} from 'node:fs/promises'
import {exists} from '../io/stat-files.js'
import {join} from 'node:path'
import type {PipelineConfig} from '../config/pipeline-file.js'
import type {LocatedSummary, Manifest, ManifestEntry} from './manifest.js'
import type {Cleaner} from './pool.js'
import type {TraceSpool} from './trace-spool.js'
import {stopsRun} from '../io/write-error.js'
import {findStaleOutputs, pruneOutputs, type ExpectedOutputs} from '../io/stale-outputs.js'
import {summarizeRun} from '../report/build-report.js'
import {writeReports, type DocumentSource} from '../report/write-reports.js'
import type {FailedDocument, RunReport, StaleOutputs} from '../report/schema.js'
import {corpusClusters, type Collector} from '../engine/corpus.js'
import type {ConfiguredStage} from '../engine/stage.js'

export interface RunOptions {
  input: string
  out: string
  pipeline: PipelineConfig
  /** Files read, cleaned and written at once (default 16, or 32 per worker thread). */
  concurrency?: number
  /** Worker threads for the CPU-bound stages; default: all cores for 1,000 files or more, else one. */
  workers?: number
  /**
   * A file that takes longer is stopped and listed as failed, with the rule it was in
   * (default 60 s). 0: no limit, and one worker is then the main thread itself.
   */
  fileTimeoutMs?: number
  /** Redo every file, ignoring the resume manifest. */
  force?: boolean
  extensions?: string[]
  /** Duplicates dropped by a corpus stage: not written (default) or written to OUT/duplicates/. */
  duplicates?: 'skip' | 'write'
  /** Write OUT/report.html (default true). */
  html?: boolean
  /**
   * Write OUT/diffs (default true). Without them a run creates half as many files;
   * report.json keeps every edit, and `rinse diffs OUT` (writeDiffsFromReport) writes them later.
   */
  diffs?: boolean
  /**
   * Delete outputs that no input of this run accounts for (the cleaned file, diff
   * or duplicate of an input removed since an earlier run). Without it they are
   * kept and listed in report.json under `stale`.
   */
  prune?: boolean
  /** Called after each file of each pass, for progress display. */
  onProgress?: (progress: Progress) => void
  /**
   * Stop early (Ctrl-C): files not yet started are left for a re-run, files in
   * flight finish and are recorded, and the report covers what was done.
   */
  signal?: AbortSignal
}

export interface Progress {
  /**
   * `check`: finding what an earlier run finished (pass 0, before the passes; a
   * file with a new mtime is read to compare its hash); `collect`: reading the
   * batch for a corpus stage's index (nothing is written yet); `clean`: cleaning
   * files and writing their outputs.
   */
  phase: 'check' | 'collect' | 'clean'
  /** The corpus stage whose index is being collected (phase `collect`). */
  stage?: string | undefined
  /** This pass's number from 1, of `passes`: one per corpus stage collected, then the cleaning pass. */
  pass: number
  passes: number
  /** Files (or records) this pass has done, of `total`. */
  done: number
  total: number
  /** Of `done`, files taken from an earlier run (not cleaned again). */
  skipped?: number
  /** Bytes read (and cleaned) by this pass, resumed files left out. */
  bytes: number
  path: string
  failed: boolean
}

export interface RunResult {
  /** report.json as written, with a summary in place of each document's entry. */
  report: RunReport
  /** The run stopped early on its signal; a re-run continues where it stopped. */
  interrupted?: boolean
  /** Files taken from an earlier run through the manifest. */
  resumed: number
  ms: number
}

/** A run's documents as the manifest holds them; once report.json is written, the manifest points into it. */
export function manifestSource(
  manifest: Manifest,
  documents: readonly LocatedSummary[],
  entries: readonly ManifestEntry[]
): DocumentSource {
  return {
    summaries: documents,
    read: (summary) => manifest.read(summary as LocatedSummary),
    written: (id, locations) => manifest.rewrite(entries, id, locations)
  }
}

/**
 * A collector that leaves out a document whose collection failed (the watchdog
 * stopped it) for every later corpus stage too, as an unreadable one is, and
 * remembers why under its key, for the cleaning pass to fail it with. A failure
 * that is not the document's (out of file descriptors) stops collection instead.
 */
export function skippingStopped<Source>(
  stopped: Map<string, string>,
  keyOf: (source: Source) => string,
  collect: Collector<Source>
): Collector<Source> {
  return async (stage, source, withTrace) => {
    const key = keyOf(source)
    if (stopped.has(key)) return undefined
    return await collect(stage, source, withTrace).catch((error: Error) => {
      if (stopsRun(error)) throw error
      stopped.set(key, error.message)
      return undefined
    })
  }
}

/** A signal that aborts when either does. */
export function anySignal(signal: AbortSignal | undefined, other: AbortSignal): AbortSignal {
  return signal ? AbortSignal.any([signal, other]) : other
}

/**
 * Run every step of a runner's cleanup, even after one fails (the disk is full:
 * the manifest cannot be closed cleanly, the spool must still be removed); the
 * first failure is returned, for a run that did not fail already.
 */
async function closeAll(steps: ReadonlyArray<() => Promise<unknown>>): Promise<unknown> {
  let first: unknown
  for (const step of steps) {
    try {
      await step()
    } catch (error) {
      first ??= error
    }
  }
  return first
}

/**
 * A runner's last step, whether it finished or failed: the cleaner, the manifest
 * and the trace spool closed (the traces are only for this run, so the spool's
 * file goes). A failure to close is the run's error only when nothing failed before it.
 */
export async function closeRun(failing: boolean, cleaner: Cleaner, manifest: Manifest, spool: TraceSpool): Promise<void> {
  const closing = await closeAll([() => cleaner.close(), () => manifest.close(), () => spool.close(), () => rm(spool.file, {force: true})])
  if (closing && !failing) throw closing
}

/** The end of every runner: report.json and report.html, with the corpus stages' clusters. */
export async function finishRun(
  out: string,
  options: RunOptions,
  stages: readonly ConfiguredStage[],
  documents: DocumentSource,
  failures: FailedDocument[],
  resumed: number,
  started: number,
  /** What this run's outputs may be: others in OUT are listed as stale (or pruned). Not for a run stopped before cleaning. */
  expected?: ExpectedOutputs
): Promise<RunResult> {
  let stale: StaleOutputs | undefined
  if (expected) {
    const outputs = await findStaleOutputs(out, expected)
    const pruned = options.prune === true && outputs.length > 0
    if (pruned) await pruneOutputs(out, outputs)
    stale = {pruned, outputs}
  }
  const ms = performance.now() - started
  const report = await writeReports(out, options.pipeline, documents, failures, {
    skipped: resumed,
    ms,
    clusters: corpusClusters(stages),
    html: options.html,
    stale
  })
  return {report, resumed, ms}
}

/**
 * Pass numbers for progress: one pass per corpus stage when the batch is
 * collected (`collecting`), then the cleaning pass.
 */
export function passCounter(
  stages: readonly ConfiguredStage[],
  collecting: boolean
): {of(stageIndex: number): {pass: number; passes: number}; cleaning: {pass: number; passes: number}} {
  const corpusStages = collecting ? stages.flatMap((stage, index) => (stage.corpus ? [index] : [])) : []
  const passes = corpusStages.length + 1
  return {
    of: (stageIndex) => ({pass: corpusStages.indexOf(stageIndex) + 1, passes}),
    cleaning: {pass: passes, passes}
  }
}

/** Progress of the collection passes: files (or records) and bytes counted per corpus stage. */
export function collectionProgress(
  stages: readonly ConfiguredStage[],
  onProgress: ((progress: Progress) => void) | undefined,
  /** Files in the batch; unknown for JSONL records, which are counted as they come. */
  total?: number
): (stageIndex: number, path: string, bytes: number) => void {
  const passes = passCounter(stages, true)
  const counts = new Map<number, {done: number; bytes: number}>()
  return (stageIndex, path, bytes) => {
    const count = counts.get(stageIndex) ?? {done: 0, bytes: 0}
    count.done++
    count.bytes += bytes
    counts.set(stageIndex, count)
    const stage = stages[stageIndex]!.name
    onProgress?.({phase: 'collect', stage, ...passes.of(stageIndex), ...count, total: total ?? count.done, path, failed: false})
  }
}

/** A run stopped before its cleaning pass (while checking or collecting): nothing was cleaned, and no index of part of the batch was built. */
export async function stoppedBeforeCleaning(
  out: string,
  options: RunOptions,
  stages: readonly ConfiguredStage[],
  started: number
): Promise<RunResult> {
  // Nothing was cleaned: an earlier run's report still describes the outputs on disk, and is kept.
  if (await exists(join(out, 'report.json'))) {
    const ms = performance.now() - started
    return {report: summarizeRun(options.pipeline, [], [], {skipped: 0, ms, clusters: []}), resumed: 0, ms, interrupted: true}
  }
  const result = await finishRun(out, options, stages, {summaries: [], read: async () => ''}, [], 0, started)
  result.interrupted = true
  return result
}
