/**
 * `rinse worker --queue redis://...`: take shard jobs from the BullMQ queue and
 * do them — collect signatures for a corpus stage, or clean files into OUT.
 * Any number of workers on any machines that see IN and OUT. A worker killed
 * mid-job loses nothing: its lock expires, BullMQ hands the job to another
 * worker, and since every output is written atomically and every report entry
 * is keyed by path, doing a file twice gives the same result once.
 */
import {deserialize, serialize} from 'node:v8'
import {Worker, type Job} from 'bullmq'
import {cleanFile} from '../core/clean-file.js'
import {collectFile} from '../core/collect-file.js'
import {createPipeline, type Pipeline} from '../core/pipeline.js'
import {keys, QUEUE_NAME, type JobData, type RunSettings} from './keys.js'
import {openLink} from './redis-link.js'

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
  /** A line to show: Redis lost, Redis back, an error of BullMQ's. */
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
  /** Corpus stages whose snapshot is restored. */
  restored: Set<number>
}

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
        return {settings, pipeline: createPipeline(settings.config), restored: new Set<number>()}
      })()
      runs.set(run, state)
    }
    return state
  }

  /** Restore the snapshots of the corpus stages before `upTo` (exclusive). */
  const restore = async (run: string, state: RunState, upTo: number): Promise<void> => {
    for (const [index, stage] of state.pipeline.stages.entries()) {
      if (index >= upTo || !stage.corpus || state.restored.has(index)) continue
      const snapshot = await redis.getBuffer(keys.snapshot(run, index))
      if (!snapshot) throw new Error(`run ${run}: corpus stage ${index} has no snapshot yet`)
      stage.corpus.restore(deserialize(snapshot))
      state.restored.add(index)
    }
  }

  const worker = new Worker<JobData>(
    QUEUE_NAME,
    async (job: Job<JobData>) => {
      const t0 = performance.now()
      const data = job.data
      options.onStart?.(data)
      const state = await stateFor(data.run)
      const {pipeline, settings} = state
      if (data.kind === 'collect') {
        await restore(data.run, state, data.stage)
        for (const file of data.files) {
          if (fileDelay > 0) await new Promise((resolve) => setTimeout(resolve, fileDelay))
          // Bad files (undefined) are reported by the clean job.
          const collected = collectFile(pipeline, {stage: data.stage, file})
          if (collected) await redis.hset(keys.signatures(data.run, data.stage), file.relative, serialize(collected.signature))
        }
      } else {
        await restore(data.run, state, pipeline.stages.length)
        for (const file of data.files) {
          if (fileDelay > 0) await new Promise((resolve) => setTimeout(resolve, fileDelay))
          let cleaned
          try {
            cleaned = cleanFile(pipeline, {file, out: settings.out, duplicates: settings.duplicates, diffs: settings.diffs})
          } catch (error) {
            cleaned = {problem: String((error as Error).message ?? error)}
          }
          if ('problem' in cleaned) await redis.hset(keys.failures(data.run), file.relative, cleaned.problem)
          else await redis.hset(keys.documents(data.run), file.relative, cleaned.document.json)
        }
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
  const close = (): Promise<void> => (closing ??= link.close())
  const done = new Promise<void>((resolve, reject) => {
    const stop = (): void => void close().then(() => (link.failure ? reject(link.failure) : resolve()), reject)
    if (link.signal.aborted) stop()
    else link.signal.addEventListener('abort', stop, {once: true})
  })
  await link.until(worker.waitUntilReady())
  return {done, close}
}
