/**
 * `rinse run IN --out OUT --queue redis://...`: split the run into shard jobs
 * on a BullMQ queue and wait for `rinse worker` processes to do them. Corpus
 * stages keep their barrier: workers collect signatures into Redis, the
 * coordinator builds each index once — the same code and the same path order
 * as a single-machine run, so the kept copy of every cluster is the same
 * whatever the order and timing of workers — and publishes it as a snapshot
 * that every worker restores before cleaning.
 */
import {randomBytes} from 'node:crypto'
import {deserialize, serialize} from 'node:v8'
import {resolve} from 'node:path'
import {Queue, QueueEvents} from 'bullmq'
import {Redis} from 'ioredis'
import {createPipeline} from '../core/pipeline.js'
import {expectedOutputs, finishRun, folderRun, passCounter, type RunOptions, type RunResult} from '../core/run-folder.js'
import type {DocumentReport, DocumentSummary, FailedDocument} from '../report/schema.js'
import {summarize} from '../report/summarize.js'
import {connectionOptions, keys, QUEUE_NAME, type JobData, type RunSettings} from './keys.js'

export interface DistributedOptions extends RunOptions {
  queue: string
  /** Files per job. */
  shardSize?: number
}

export async function runDistributed(options: DistributedOptions): Promise<RunResult> {
  const started = performance.now()
  const {out, files} = await folderRun(options)
  const connection = connectionOptions(options.queue)
  const redis = new Redis(connection)
  const queue = new Queue<JobData>(QUEUE_NAME, {connection})
  const events = new QueueEvents(QUEUE_NAME, {connection})
  const run = randomBytes(6).toString('hex')
  try {
    await events.waitUntilReady()
    const pipeline = createPipeline(options.pipeline)
    const settings: RunSettings = {
      input: resolve(options.input),
      out,
      config: options.pipeline,
      duplicates: options.duplicates ?? 'skip',
      diffs: options.diffs !== false
    }
    await redis.set(keys.settings(run), JSON.stringify(settings))
    const shards = shard(files, options.shardSize ?? 50)
    // Each job waited for holds a listener on the queue until it finishes: without
    // a limit this high, Node warned of a listener leak once a pass had 11 jobs.
    queue.setMaxListeners(shards.length + 10)

    const passes = passCounter(pipeline.stages, true)
    const runJobs = async (jobs: JobData[]): Promise<void> => {
      let jobsDone = 0
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
          await job.waitUntilFinished(events)
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

    for (const [index, stage] of pipeline.stages.entries()) {
      if (!stage.corpus) continue
      await runJobs(shards.map((part) => ({run, kind: 'collect', stage: index, files: part})))
      const raw = await redis.hgetallBuffer(keys.signatures(run, index))
      const signatures = new Map(Object.entries(raw).map(([path, value]) => [path, deserialize(value)]))
      stage.corpus.build(signatures)
      await redis.set(keys.snapshot(run, index), serialize(stage.corpus.snapshot()))
    }
    await runJobs(shards.map((part) => ({run, kind: 'clean', files: part})))

    // Workers store each document's entry as JSON (path → entry): summarized here, written out as stored.
    const stored = await redis.hgetall(keys.documents(run))
    const summaries = Object.values(stored).map((json) => summarize(JSON.parse(json) as DocumentReport))
    const source = {summaries, read: async (summary: DocumentSummary) => stored[summary.path]!}
    const failures: FailedDocument[] = Object.entries(await redis.hgetall(keys.failures(run))).map(([path, error]) => ({path, error}))
    return await finishRun(out, options, pipeline.stages, source, failures, 0, started, expectedOutputs(files, summaries, options))
  } finally {
    const stale = await redis.keys(keys.all(run))
    if (stale.length > 0) await redis.del(...stale)
    await events.close()
    await queue.close()
    redis.disconnect()
  }
}

function shard<T>(items: readonly T[], size: number): T[][] {
  const shards: T[][] = []
  for (let i = 0; i < items.length; i += size) shards.push(items.slice(i, i + size))
  return shards
}
