/**
 * `rinse run IN --out OUT --queue redis://...`: split the run into shard jobs
 * on a BullMQ queue and wait for `rinse worker` processes to do them. Corpus
 * stages keep their barrier: workers collect signatures into Redis, the
 * coordinator builds each index once — the same code and the same path order
 * as a single-machine run, so the kept copy of every cluster is the same
 * whatever the order and timing of workers — and publishes it as a snapshot
 * that every worker restores before cleaning.
 *
 * A coordinator that crashes or is stopped (Ctrl-C) leaves its run in Redis and
 * its jobs on the queue; the same command run again continues it (see
 * run-state.ts): it waits for the jobs still queued, takes the indexes already
 * published, and queues only the files that have no signature or no result yet.
 */
import {randomBytes} from 'node:crypto'
import {mkdir} from 'node:fs/promises'
import {deserialize, serialize} from 'node:v8'
import {resolve} from 'node:path'
import {Queue, QueueEvents, type Job} from 'bullmq'
import type {Redis} from 'ioredis'
import {createPipeline, type Pipeline} from '../library/pipeline.js'
import {DEFAULT_FILE_TIMEOUT_MS} from '../run/pool.js'
import {expectedOutputs, folderRun} from '../run/run-folder.js'
import {batchKey} from '../run/run-batch.js'
import {finishRun, passCounter, stoppedBeforeCleaning, type RunOptions, type RunResult} from '../run/batch.js'
import {jsonKey} from '../io/content-hash.js'
import {lockOut} from '../io/out-lock.js'
import {statFiles} from '../io/stat-files.js'
import type {InputFile} from '../io/walk.js'
import type {DocumentSummary, FailedDocument, ReportEntry} from '../report/schema.js'
import {fromEntry} from '../report/compact.js'
import {summarize} from '../report/summarize.js'
import {keys, QUEUE_NAME, runStopped, type JobData, type RunSettings} from './keys.js'
import {openLink, RedisUnavailable, type RedisLink} from './redis-link.js'
import {continues, readRunState, removeRunState, writeRunState} from './run-state.js'

export interface DistributedOptions extends RunOptions {
  queue: string
  /** Files per job. */
  shardSize?: number
  /** How long to keep trying to reach Redis at start (default 5 s). */
  connectTimeoutMs?: number
  /** How long to wait for a Redis lost mid-run before stopping, resumable (default 10 min). */
  outageTimeoutMs?: number
  /** A line to show: Redis lost, Redis back. */
  onNotice?: (line: string) => void
}

/** What the Redis part of a run gathered for its report. */
interface Gathered {
  id: string
  stored: Record<string, string>
  failures: FailedDocument[]
  resumed: number
}

export async function runDistributed(options: DistributedOptions): Promise<RunResult> {
  const started = performance.now()
  const {out, files} = await folderRun(options)
  const release = await lockOut(out)
  try {
    return await coordinate(options, out, files, started)
  } finally {
    await release()
  }
}

async function coordinate(options: DistributedOptions, out: string, files: InputFile[], started: number): Promise<RunResult> {
  const pipeline = createPipeline(options.pipeline)
  // A stop (Ctrl-C, a crash, Redis lost too long) leaves the run in Redis and OUT until
  // it is done: the same command continues it, and the report is written at the end.
  const stop = (): Promise<RunResult> => stoppedBeforeCleaning(out, options, pipeline.stages, started)
  const link = await openLink(options.queue, {
    connectTimeoutMs: options.connectTimeoutMs,
    outageTimeoutMs: options.outageTimeoutMs,
    signal: options.signal,
    onNotice: options.onNotice,
    lostHint: 'Ctrl-C to stop; the run can be resumed',
    stoppedHint: '; run the same command again to continue once it is up'
  })
  // Ctrl-C while Redis was being reached: nothing done, OUT may not be there yet.
  if (!link) {
    await mkdir(out, {recursive: true})
    return await stop()
  }
  const {connection, redis} = link
  const queue = link.watch(new Queue<JobData>(QUEUE_NAME, {connection}))
  const events = link.watch(new QueueEvents(QUEUE_NAME, {connection}))

  const run: CoordinatedRun = {options, out, files, pipeline, link, queue, events, redis}
  /** Everything done in Redis: queue the jobs, build the corpus indexes, fetch the results. Undefined if stopped. */
  const gather = async (): Promise<Gathered | undefined> => {
    await events.waitUntilReady()
    const id = await startOrContinue(run)
    const jobs = jobRunner(run, id)
    if (!(await buildIndexes(run, id, jobs))) return undefined
    return await cleanFiles(run, id, jobs)
  }

  try {
    // Ctrl-C, or Redis given up on, ends the wait wherever it is (a command queued for a lost Redis too).
    const gathered = await link.until(gather())
    if (!gathered) {
      if (link.failure) throw link.failure
      return await stop()
    }
    const {id, stored, failures, resumed} = gathered
    const summaries = Object.values(stored).map((json) => summarize(fromEntry(JSON.parse(json) as ReportEntry)))
    const source = {summaries, read: async (summary: DocumentSummary) => stored[summary.path]!}
    const result = await finishRun(
      out,
      options,
      pipeline.stages,
      source,
      failures,
      resumed,
      started,
      expectedOutputs(files, summaries, options)
    )
    // Done: nothing of the run is left to continue. (Stopped here, the same command
    // finds the run finished, writes the same report again and removes it.)
    if (await link.until(deleteKeys(redis, id).then(() => true))) await removeRunState(out)
    return result
  } finally {
    await link.close()
  }
}

/** What the phases of a coordinated run share. */
interface CoordinatedRun {
  options: DistributedOptions
  out: string
  files: InputFile[]
  pipeline: Pipeline
  link: RedisLink
  queue: Queue<JobData>
  events: QueueEvents
  redis: Redis
}

/** Queue jobs and wait for them (a stop leaves them queued), counting their files for progress. */
type JobRunner = (jobs: JobData[], alreadyDone: number) => Promise<void>

/**
 * The run's id in Redis: the one an earlier coordinator left for the same files and
 * settings (its jobs waited for), or a new one (an earlier run that cannot be
 * continued is removed first, so that it does not linger in Redis).
 */
async function startOrContinue({options, out, files, link, queue, events, redis}: CoordinatedRun): Promise<string> {
  const settings: RunSettings = {
    input: resolve(options.input),
    out,
    config: options.pipeline,
    duplicates: options.duplicates ?? 'skip',
    diffs: options.diffs !== false,
    fileTimeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    files: files.length
  }
  const stats = await statFiles(files.map((file) => file.path))
  const wanted = {queue: options.queue, batch: batchKey(files, stats), settings: jsonKey(settings)}
  const previous = await readRunState(out)
  const resuming = !options.force && continues(previous, wanted) && (await redis.exists(keys.settings(previous.run))) === 1
  if (!resuming && previous?.queue === options.queue) await discardRun(queue, events, redis, previous.run)
  const id = resuming ? previous.run : randomBytes(6).toString('hex')
  if (!resuming) {
    await redis.set(keys.settings(id), JSON.stringify(settings))
    writeRunState(out, {run: id, ...wanted})
  }
  // A Redis restarted without persistence has lost the run and its jobs: waiting for them would never end.
  link.onBack(() => {
    redis.exists(keys.settings(id)).then(
      (found) => {
        if (found === 0)
          link.fail(
            new RedisUnavailable(
              `Redis at ${options.queue} came back without this run (restarted without persistence?); run the same command again to start it over`
            )
          )
      },
      () => {}
    )
  })
  // The jobs a stopped coordinator left: done by the workers meanwhile, or waited for now
  // (those a full disk stopped go on once its mark is gone).
  if (resuming) {
    await redis.del(keys.stopped(id))
    await settleJobs(queue, events, id)
  }
  return id
}

function jobRunner({options, files, pipeline, link, queue, events, redis}: CoordinatedRun, id: string): JobRunner {
  // Each job waited for holds a listener on the queue until it finishes: without
  // a limit this high, Node warned of a listener leak once a pass had 11 jobs.
  queue.setMaxListeners(shards(files, options).length + 10)
  const passes = passCounter(pipeline.stages, true)
  return async (jobs, alreadyDone) => {
    // Stopped: the work left in the background queues nothing more.
    if (link.signal.aborted) return
    let jobsDone = alreadyDone
    const added = await queue.addBulk(
      jobs.map((data, i) => ({
        name: `${data.kind}-${i}`,
        data,
        // Kept once complete until waited for: a job removed on completion before
        // `waitUntilFinished` looked it up made the run fail ("Missing key for job").
        opts: {attempts: 5, backoff: {type: 'fixed', delay: 500}, removeOnComplete: false, removeOnFail: false}
      }))
    )
    await Promise.all(
      added.map(async (job) => {
        // A job failed for good because a worker could not write an output (a full disk):
        // the run stops with that, left to continue.
        await job.waitUntilFinished(events).catch(async (error: unknown) => {
          throw (await runStopped(redis, id)) ?? error
        })
        await job.remove()
        const {data} = job
        const phase =
          data.kind === 'clean'
            ? ({phase: 'clean', ...passes.cleaning} as const)
            : ({phase: 'collect', stage: pipeline.stages[data.stage]!.name, ...passes.of(data.stage)} as const)
        jobsDone += data.files.length
        options.onProgress?.({
          ...phase,
          done: jobsDone,
          total: files.length,
          bytes: 0,
          path: data.files.at(-1)?.relative ?? '',
          failed: false
        })
      })
    )
  }
}

/**
 * Each corpus index, built once in the coordinator from the signatures the workers
 * collected into Redis (only the files without one are queued) and published as a
 * snapshot every worker restores. False: stopped while the jobs ran.
 */
async function buildIndexes({options, files, pipeline, link, redis}: CoordinatedRun, id: string, runJobs: JobRunner): Promise<boolean> {
  for (const [index, stage] of pipeline.stages.entries()) {
    if (!stage.corpus) continue
    // Published before a stop: the index stands, its pass is done.
    const published = await redis.getBuffer(keys.snapshot(id, index))
    if (published) {
      stage.corpus.restore(deserialize(published))
      continue
    }
    const collected = new Set(await redis.hkeys(keys.signatures(id, index)))
    const missing = files.filter((file) => !collected.has(file.relative))
    await runJobs(
      shards(missing, options).map((part) => ({run: id, kind: 'collect', stage: index, files: part})),
      files.length - missing.length
    )
    // Stopped while the jobs ran: no index of part of the batch is built.
    if (link.signal.aborted) return false
    const raw = await redis.hgetallBuffer(keys.signatures(id, index))
    stage.corpus.build(new Map(Object.entries(raw).map(([path, value]) => [path, deserialize(value)])))
    await redis.set(keys.snapshot(id, index), serialize(stage.corpus.snapshot()))
  }
  return true
}

/** Clean the files no earlier coordinator saw finished (those that failed are tried again), and fetch every result. */
async function cleanFiles({options, files, redis}: CoordinatedRun, id: string, runJobs: JobRunner): Promise<Gathered> {
  const cleaned = new Set(await redis.hkeys(keys.documents(id)))
  const todo = files.filter((file) => !cleaned.has(file.relative))
  await hdelAll(
    redis,
    keys.failures(id),
    todo.map((file) => file.relative)
  )
  await runJobs(
    shards(todo, options).map((part) => ({run: id, kind: 'clean', files: part})),
    files.length - todo.length
  )
  // Workers store each document's entry as JSON (path → entry): summarized by the caller, written out as stored.
  const stored = await redis.hgetall(keys.documents(id))
  const failures = Object.entries(await redis.hgetall(keys.failures(id))).map(([path, error]) => ({path, error}))
  return {id, stored, failures, resumed: files.length - todo.length}
}

/** Every job of a run on the queue, whatever its state. */
async function jobsOf(queue: Queue<JobData>, run: string): Promise<Job<JobData>[]> {
  // `wait` holds the jobs of a paused queue too.
  const all: Array<Job<JobData> | undefined> = await queue.getJobs([
    'wait',
    'active',
    'delayed',
    'prioritized',
    'waiting-children',
    'completed',
    'failed'
  ])
  return all.filter((job) => job?.data?.run === run) as Job<JobData>[]
}

/**
 * Wait for the jobs a run left on the queue to finish (a job that failed for good
 * leaves its files without a result: they are queued again), then remove them all.
 */
async function settleJobs(queue: Queue<JobData>, events: QueueEvents, run: string): Promise<void> {
  const jobs = await jobsOf(queue, run)
  queue.setMaxListeners(jobs.length + 10)
  await Promise.all(
    jobs.map(async (job) => {
      const state = await job.getState()
      if (state !== 'completed' && state !== 'failed') await job.waitUntilFinished(events).catch(() => {})
      await job.remove().catch(() => {})
    })
  )
}

/** Remove a run that will not be continued: its jobs (those in progress finish first) and its keys. */
async function discardRun(queue: Queue<JobData>, events: QueueEvents, redis: Redis, run: string): Promise<void> {
  await settleJobs(queue, events, run)
  await deleteKeys(redis, run)
}

/** Fields per HDEL: spreading a whole batch's paths into one call overflows the stack past ~120k. */
const HDEL_SLICE = 10_000

/** Remove `fields` from the hash at `key`, in slices of HDEL_SLICE. */
export async function hdelAll(redis: Pick<Redis, 'hdel'>, key: string, fields: readonly string[]): Promise<void> {
  for (let i = 0; i < fields.length; i += HDEL_SLICE) await redis.hdel(key, ...fields.slice(i, i + HDEL_SLICE))
}

async function deleteKeys(redis: Redis, run: string): Promise<void> {
  const stale = await redis.keys(keys.all(run))
  if (stale.length > 0) await redis.del(...stale)
}

/** Files in jobs of `--shard-size` (default 50). */
function shards(files: readonly InputFile[], options: Pick<DistributedOptions, 'shardSize'>): InputFile[][] {
  const size = options.shardSize ?? 50
  const parts: InputFile[][] = []
  for (let i = 0; i < files.length; i += size) parts.push(files.slice(i, i + size))
  return parts
}
