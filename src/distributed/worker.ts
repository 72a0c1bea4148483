/**
 * `rinse worker --queue redis://...`: take shard jobs from the BullMQ queue and
 * do them — collect signatures for a corpus stage, or clean files into OUT.
 * Any number of workers on any machines that see IN and OUT. A worker killed
 * mid-job loses nothing: its lock expires, BullMQ hands the job to another
 * worker, and since every output is written atomically and every report entry
 * is keyed by path, doing a file twice gives the same result once.
 */
import {stat} from 'node:fs/promises'
import {deserialize, serialize} from 'node:v8'
import {UnrecoverableError, Worker, type Job} from 'bullmq'
import {createPipeline, type Pipeline} from '../library/pipeline.js'
import {dropDecision} from '../engine/corpus.js'
import {cleanerFor, DEFAULT_FILE_TIMEOUT_MS, type Cleaner} from '../run/pool.js'
import type {InputFile} from '../io/walk.js'
import {stopsRun} from '../io/write-error.js'
import {keys, QUEUE_NAME, runStopped, stopRun, type JobData, type RunSettings} from './keys.js'
import {openLink} from './redis-link.js'
import type {WriteError} from '../errors.js'

export interface WorkerOptions {
  queue: string
  /** Jobs worked on at once by this process. */
  concurrency?: number
  /** How long a job's lock lasts without renewal before another worker may take the job over. */
  lockMs?: number
  /** Called when a job starts and after it is done, for logging. */
  onStart?: (job: JobData) => void
  onJob?: (job: JobData, ms: number) => void
  /** How long to keep trying to reach Redis at start (default 5 s). */
  connectTimeoutMs?: number
  /** How long to wait for a Redis lost meanwhile before stopping (default 10 min). */
  outageTimeoutMs?: number
  /** Stops the worker (Ctrl-C): the jobs in hand are finished first if Redis is there. */
  signal?: AbortSignal
  /** A line to show: Redis lost, Redis back, an error of BullMQ's, a run stopped by a full disk. */
  onNotice?: (line: string) => void
}

export interface RunningWorker {
  /** Settles once the worker has stopped: resolves on the signal, rejects with RedisUnavailable when Redis stayed away too long. */
  done: Promise<void>
  close(): Promise<void>
}

interface RunState {
  settings: RunSettings
  pipeline: Pipeline
  /**
   * Cleans and collects the run's files in a thread of its own under the run's
   * file time limit, so that a file that hangs fails alone and the worker goes on.
   */
  cleaner: Cleaner
  /** Corpus stages whose snapshot is restored. */
  restored: Set<number>
  /** Jobs of the run in hand: its thread is closed only when none is. */
  busy: number
}

/** Runs whose threads are kept; an older run's go when a newer one's job comes. */
const RUNS_KEPT = 2

/** A testing aid: slow each file down by this many ms (collected or cleaned), to make a crash mid-job reproducible. */
const fileDelay = Number(process.env.RINSE_WORKER_FILE_DELAY_MS ?? 0)

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const link = await openLink(options.queue, {
    connectTimeoutMs: options.connectTimeoutMs,
    outageTimeoutMs: options.outageTimeoutMs,
    signal: options.signal,
    onNotice: options.onNotice,
    lostHint: 'Ctrl-C to stop'
  })
  // Stopped while Redis was being reached.
  if (!link) return {done: Promise.resolve(), close: async () => {}}
  const {connection, redis} = link
  const runs = new Map<string, Promise<RunState>>()

  const stateFor = (run: string): Promise<RunState> => {
    let state = runs.get(run)
    if (!state) {
      state = (async () => {
        const raw = await redis.get(keys.settings(run))
        if (!raw) throw new Error(`run ${run} has no settings in Redis`)
        const settings = JSON.parse(raw) as RunSettings
        const pipeline = createPipeline(settings.config)
        const timeoutMs = settings.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS
        const cleaner = cleanerFor(pipeline, {workers: 1, batchFiles: settings.files, inFlight: 1, fileTimeoutMs: timeoutMs})
        return {settings, pipeline, cleaner, restored: new Set<number>(), busy: 0}
      })()
      runs.set(run, state)
      void retire()
    }
    return state
  }

  /** Close the threads of runs beyond the newest RUNS_KEPT that have no job in hand. */
  const retire = async (): Promise<void> => {
    const old = [...runs.keys()].slice(0, -RUNS_KEPT)
    for (const run of old) {
      const state = await runs.get(run)!.catch(() => undefined)
      if (state && state.busy > 0) continue
      runs.delete(run)
      await state?.cleaner.close()
    }
  }

  /** Restore the snapshots of the corpus stages before `upTo` (exclusive). */
  const restore = async (run: string, state: RunState, upTo: number): Promise<void> => {
    for (const [index, stage] of state.pipeline.stages.entries()) {
      if (index >= upTo || !stage.corpus || state.restored.has(index)) continue
      const snapshot = await redis.getBuffer(keys.snapshot(run, index))
      if (!snapshot) throw new Error(`run ${run}: corpus stage ${index} has no snapshot yet`)
      stage.corpus.restore(deserialize(snapshot))
      state.restored.add(index)
      // The run's thread sees the indexes restored here before its next file.
      state.cleaner.refresh()
    }
  }

  /** Runs this worker has said are stopped: one line each. */
  const told = new Set<string>()
  /**
   * End a job of a run that `error` stopped (here or in another worker): failed for
   * good, so that the coordinator stops, its files left for the run continued.
   */
  const stopJob = (run: string, error: WriteError): never => {
    if (!told.has(run)) options.onNotice?.(`run ${run} stopped: ${error.message}; its rinse run command, run again, continues it`)
    told.add(run)
    throw new UnrecoverableError(error.message)
  }

  /**
   * A job's files one after another; a file that fails (a stage threw, its time ran
   * out) is recorded and the job goes on. An output that cannot be written for a
   * reason every file meets (a full disk) stops the job and the run instead.
   */
  const doJob = async (data: JobData, state: RunState): Promise<void> => {
    const {pipeline, settings, cleaner} = state
    const stopped = await runStopped(redis, data.run)
    if (stopped) stopJob(data.run, stopped)
    told.delete(data.run)
    const failed = async (file: InputFile, error: unknown): Promise<void> => {
      if (stopsRun(error)) {
        await stopRun(redis, data.run, error)
        stopJob(data.run, error)
      }
      await redis.hset(keys.failures(data.run), file.relative, error instanceof Error ? error.message : String(error))
    }
    if (data.kind === 'collect') {
      await restore(data.run, state, data.stage)
      for (const file of data.files) {
        if (fileDelay > 0) await new Promise((resolve) => setTimeout(resolve, fileDelay))
        let collected
        try {
          // Bad files (undefined) are reported by the clean job.
          collected = await cleaner.collectFile({stage: data.stage, file})
        } catch (error) {
          await failed(file, error)
          continue
        }
        if (collected) await redis.hset(keys.signatures(data.run, data.stage), file.relative, serialize(collected.signature))
      }
      return
    }
    await restore(data.run, state, pipeline.stages.length)
    // A file that failed while collected (its time ran out) would only fail again.
    const before = new Set(await redis.hkeys(keys.failures(data.run)))
    for (const file of data.files) {
      if (before.has(file.relative)) continue
      if (fileDelay > 0) await new Promise((resolve) => setTimeout(resolve, fileDelay))
      let cleaned
      try {
        const size = await stat(file.path).then(
          (info) => info.size,
          () => undefined
        )
        cleaned = await cleaner.cleanFile({
          file,
          size,
          out: settings.out,
          duplicates: settings.duplicates,
          diffs: settings.diffs,
          dropped: dropDecision(pipeline.stages, file.relative)
        })
      } catch (error) {
        await failed(file, error)
        continue
      }
      if ('problem' in cleaned) await redis.hset(keys.failures(data.run), file.relative, cleaned.problem)
      else await redis.hset(keys.documents(data.run), file.relative, cleaned.document.json)
    }
  }

  const worker = new Worker<JobData>(
    QUEUE_NAME,
    async (job: Job<JobData>) => {
      const t0 = performance.now()
      const data = job.data
      options.onStart?.(data)
      const state = await stateFor(data.run)
      state.busy++
      try {
        await doJob(data, state)
      } finally {
        state.busy--
      }
      options.onJob?.(data, performance.now() - t0)
    },
    {
      connection,
      concurrency: options.concurrency ?? 1,
      lockDuration: options.lockMs ?? 30_000,
      stalledInterval: Math.max(1000, Math.floor((options.lockMs ?? 30_000) / 2)),
      maxStalledCount: 5
    }
  )
  // With Redis away, the jobs in hand cannot finish: the worker is cut at once (their locks expire, another worker takes them).
  link.watch(worker, () => worker.close(true))
  let closing: Promise<void> | undefined
  const close = (): Promise<void> =>
    (closing ??= link
      .close()
      .finally(() => Promise.all([...runs.values()].map((state) => state.then((s) => s.cleaner.close()).catch(() => {})))))
  const done = new Promise<void>((resolve, reject) => {
    const stop = (): void => void close().then(() => (link.failure ? reject(link.failure) : resolve()), reject)
    if (link.signal.aborted) stop()
    else link.signal.addEventListener('abort', stop, {once: true})
  })
  await link.until(worker.waitUntilReady())
  return {done, close}
}
