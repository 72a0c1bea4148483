/** The worker pool for CPU-bound stages (piscina), or the same interface in process (without the watchdog). */
import {existsSync} from 'node:fs'
import {serialize} from 'node:v8'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {createRequire} from 'node:module'
import type {Piscina} from 'piscina'
import type {DocumentResult, Trace} from '../engine/clean-document.js'
import {traceOf, type TraceRef} from './trace-spool.js'
import type {ManifestLine, ManifestMeta} from './manifest.js'
import {cleanFile, type CleanFileTask, type Unclean} from './clean-file.js'
import {collectFile, type CollectFileTask} from './collect-file.js'
import {collectInProcess, corpusSnapshots, type Collected, type Collector} from '../engine/corpus.js'
import {cleanReplaying, type Pipeline} from '../library/pipeline.js'
import type {SerializedDocument} from '../report/summarize.js'
import type {BatchResult, CorpusShare, WorkerMessage, WorkerSetup, WorkerTask} from './worker-protocol.js'
import {NOWHERE, watchCode, watchLabel} from '../engine/watch-point.js'
import {WriteError} from '../errors.js'

export interface Cleaner {
  /** Let the workers see the corpus indexes as they now stand (after a corpus barrier). */
  refresh(): void
  /**
   * Clean a text (JSONL records, streams); `replay`: what corpus collection did to
   * it, or where that waits in a trace spool (read by the thread that cleans).
   */
  clean(text: string, path: string, replay?: Trace | TraceRef, site?: string): Promise<DocumentResult>
  collect: Collector
  /** Read, clean and write one input file where the work is done (texts never cross threads); its manifest line back. */
  cleanFile(task: CleanFileTask & {manifest: ManifestMeta}): Promise<{line: ManifestLine} | Unclean>
  /** The same, its report entry back (a distributed worker stores it in Redis). */
  cleanFile(task: CleanFileTask): Promise<{document: SerializedDocument} | Unclean>
  collectFile(task: CollectFileTask): Promise<Collected | undefined>
  close(): Promise<void>
}

export function defaultWorkers(): number {
  return availableParallelism()
}

/**
 * Files in flight by default: 16 in process; with a pool, enough for each worker to
 * have two batches of 16 at once, so it starts the next while the main thread
 * settles the last (fewer, larger messages cost the main thread less per file).
 */
export function defaultConcurrency(workers: number): number {
  return workers > 1 ? 32 * workers : 16
}

export function inProcessCleaner(pipeline: Pipeline): Cleaner {
  return {
    clean: async (text, path, replay, site) => cleanReplaying(pipeline, text, path, replay && traceOf(replay), site),
    collect: collectInProcess(pipeline.stages),
    // The overloads of cleanFile() say which result a task gets; one body serves both.
    cleanFile: (async (task: CleanFileTask) => cleanFile(pipeline, task)) as Cleaner['cleanFile'],
    collectFile: async (task) => collectFile(pipeline, task),
    // The main thread's own stages hold the indexes.
    refresh: () => {},
    close: async () => {}
  }
}

/** How a run's pool is sized and watched. */
export interface PoolSettings {
  /** Worker threads. */
  workers: number
  /** Files in the batch: a worker's heap limit grows with the corpus indexes it restores (default 0). */
  batchFiles?: number | undefined
  /** How many tasks the caller keeps in flight at most: its concurrency (default for `workers`). */
  inFlight?: number | undefined
  /**
   * A task running longer in a worker is stopped (the thread is terminated and
   * replaced) and fails, and the rest of its batch is sent again (default 60 s; 0: no watchdog).
   */
  fileTimeoutMs?: number | undefined
}

/**
 * The cleaner for a pipeline: a pool of `workers` threads. One pool serves a whole
 * run: after each corpus barrier `refresh()` shares the new indexes, and each
 * worker restores them before its next task. With the watchdog on (the default)
 * even one worker is a thread, so that the main thread stays free to stop a file
 * over its budget and to hear Ctrl-C; with it off (`fileTimeoutMs` 0), one worker
 * is the main thread.
 */
export function cleanerFor(pipeline: Pipeline, settings: PoolSettings): Cleaner {
  const {workers, fileTimeoutMs = DEFAULT_FILE_TIMEOUT_MS} = settings
  return workers > 1 || fileTimeoutMs > 0 ? poolCleaner(pipeline, settings) : inProcessCleaner(pipeline)
}

/**
 * A pool cleans files (and JSONL records) above this size in a thread whose heap
 * is not capped (V8's default, as the main thread's), or in the main thread
 * without the watchdog: a worker's heap limit is sized for ordinary documents.
 */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024

/**
 * A worker's old-generation heap limit: room for one ordinary document in
 * flight plus the corpus indexes it restores, which grow with the batch. Without
 * a limit V8 lets each thread's heap grow with garbage it has not yet collected,
 * and the threads of a long run add up to gigabytes.
 */
export function workerHeapMb(batchFiles: number): number {
  return 128 + Math.ceil(batchFiles / 1000)
}

/** A file's time budget by default; 0 turns the watchdog off (and one worker is then the main thread). */
export const DEFAULT_FILE_TIMEOUT_MS = 60_000

/** A pool of worker threads, with the watchdog unless `fileTimeoutMs` is 0. */
export function poolCleaner(pipeline: Pipeline, settings: PoolSettings): Cleaner {
  const {workers, batchFiles = 0, inFlight = defaultConcurrency(workers), fileTimeoutMs = DEFAULT_FILE_TIMEOUT_MS} = settings
  const threads = (count: number, heapMb?: number): Piscina =>
    new (loadPiscina())({
      filename: workerFile(),
      // The indexes as they stand go with the threads' start (copied, not kept here);
      // later versions are shared through memory.
      workerData: {config: pipeline.config, snapshots: corpusSnapshots(pipeline.stages, 'cleaning')} satisfies WorkerSetup,
      minThreads: count,
      maxThreads: count,
      ...(heapMb ? {resourceLimits: {maxOldGenerationSizeMb: heapMb}} : {})
    })
  const pool = threads(workers, workerHeapMb(batchFiles))
  // The watchdog names the stage a stopped file was in: this thread knows the labels
  // of the rules from building the same pipeline, and of the stages from here.
  for (const stage of pipeline.stages) watchCode(stage.name)
  let corpus: CorpusShare = {version: 0, snapshots: []}
  // Each message costs the main thread about 0.3 ms to send and settle: tasks that come
  // in together go to a worker together, two batches per worker of what is in flight.
  const sender =
    (to: Piscina) =>
    (tasks: WorkerTask[]): Promise<BatchResult[]> =>
      fileTimeoutMs > 0
        ? watched(tasks, fileTimeoutMs, (message, signal) => to.run({...message, corpus} satisfies WorkerMessage, {signal}))
        : (to.run({tasks, corpus} satisfies WorkerMessage) as Promise<BatchResult[]>)
  const run = coalesce<WorkerTask>(sender(pool), Math.max(1, Math.floor(inFlight / (2 * workers))))
  // A worker's heap is capped for ordinary documents. Larger ones go one at a time to
  // a thread of their own with V8's default limit, started when the first comes, and
  // are watched the same way; without the watchdog they go to the main thread.
  let largePool: Piscina | undefined
  let runLarge: ((task: WorkerTask) => Promise<unknown>) | undefined
  const main = inProcessCleaner(pipeline)
  const route = <T>(size: number | undefined, task: WorkerTask, inMain: () => Promise<T>): Promise<T> => {
    if ((size ?? 0) <= LARGE_FILE_BYTES) return run(task) as Promise<T>
    if (fileTimeoutMs <= 0) return inMain()
    runLarge ??= coalesce<WorkerTask>(sender((largePool = threads(1))), 1)
    return runLarge(task) as Promise<T>
  }
  return {
    clean: (text, path, replay, site) =>
      route(text.length, {kind: 'clean', text, path, site, replay}, () => main.clean(text, path, replay, site)),
    collect: (stage, document, withTrace = true) =>
      route(document.text.length, {kind: 'collect', stage, path: document.path, site: document.site, text: document.text, withTrace}, () =>
        main.collect(stage, document, withTrace)
      ),
    cleanFile: ((task: CleanFileTask) => route(task.size, {kind: 'clean-file', task}, () => main.cleanFile(task))) as Cleaner['cleanFile'],
    collectFile: (task) => route(task.size, {kind: 'collect-file', task}, () => main.collectFile(task)),
    refresh: () => {
      corpus = shareCorpus(pipeline, corpus.version + 1)
    },
    close: async () => {
      await Promise.all([pool.destroy(), largePool?.destroy()])
    }
  }
}

/**
 * Collect the tasks submitted in one turn of the event loop and send them in
 * batches of at most `size`; each task still settles on its own.
 */
export function coalesce<Task>(send: (tasks: Task[]) => Promise<BatchResult[]>, size: number): (task: Task) => Promise<unknown> {
  let pending: Array<{task: Task; resolve: (value: unknown) => void; reject: (error: Error) => void}> = []
  const flush = (): void => {
    const queued = pending
    pending = []
    for (let i = 0; i < queued.length; i += size) {
      const chunk = queued.slice(i, i + size)
      send(chunk.map((entry) => entry.task)).then(
        (results) =>
          results.forEach((result, k) =>
            'error' in result
              ? chunk[k]!.reject(result.write ? new WriteError(result.write) : new Error(result.error))
              : chunk[k]!.resolve(result.value)
          ),
        (error: Error) => chunk.forEach((entry) => entry.reject(error))
      )
    }
  }
  return (task) =>
    new Promise((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush)
      pending.push({task, resolve, reject})
    })
}

/**
 * Run a batch under a watchdog: the worker writes which task it is on and since
 * when into a shared slot (readable while its thread is blocked); a task over
 * budget has its thread terminated and fails, and the tasks of the batch it did
 * not return are sent again, so the batch ends as it would without that task.
 */
async function watched(
  tasks: WorkerTask[],
  budgetMs: number,
  run: (message: {tasks: WorkerTask[]; status: SharedArrayBuffer}, signal: AbortSignal) => Promise<unknown>
): Promise<BatchResult[]> {
  const status = new SharedArrayBuffer(3 * Float64Array.BYTES_PER_ELEMENT)
  const slot = new Float64Array(status)
  slot[0] = -1
  slot[2] = NOWHERE
  const stop = new AbortController()
  let stuck = -1
  let where: string | undefined
  const timer = setInterval(
    () => {
      if (slot[0]! >= 0 && Date.now() - slot[1]! > budgetMs) {
        stuck = slot[0]!
        where = watchLabel(slot[2]!)
        stop.abort()
      }
    },
    Math.min(1000, Math.max(10, budgetMs / 4))
  )
  try {
    return (await run({tasks, status}, stop.signal)) as BatchResult[]
  } catch (error) {
    if (stuck < 0) throw error
  } finally {
    clearInterval(timer)
  }
  const failed: BatchResult = {
    error: `stopped after ${seconds(budgetMs)} s${where ? ` in ${where}` : ''}; the file is left out (raise --file-timeout or report the input)`
  }
  const rest = tasks.filter((_, index) => index !== stuck)
  const again = rest.length > 0 ? await watched(rest, budgetMs, run) : []
  again.splice(stuck, 0, failed)
  return again
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10)
}

function shareCorpus(pipeline: Pipeline, version: number): CorpusShare {
  return {
    version,
    snapshots: corpusSnapshots(pipeline.stages, 'cleaning').map(([index, snapshot]) => {
      const bytes = serialize(snapshot)
      const shared = new SharedArrayBuffer(bytes.length)
      new Uint8Array(shared).set(bytes)
      return [index, shared]
    })
  }
}

/** The compiled worker's entry; tests that import the TypeScript sources still use the built one. */
function workerFile(): string {
  const here = fileURLToPath(new URL('./worker-entry.cjs', import.meta.url))
  if (existsSync(here)) return here
  return fileURLToPath(new URL('../../dist/run/worker-entry.cjs', import.meta.url))
}

/** The pool library, loaded when a run starts threads: importing rinse does not need it. */
function loadPiscina(): typeof Piscina {
  return (createRequire(import.meta.url)('piscina') as {Piscina: typeof Piscina}).Piscina
}
