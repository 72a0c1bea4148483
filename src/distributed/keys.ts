/** Redis keys and the job protocol shared by the coordinator and the workers of a distributed run. */
import type {Redis} from 'ioredis'
import type {PipelineConfig} from '../config/pipeline-file.js'
import type {InputFile} from '../io/walk.js'
import {WriteError, type WriteFailure} from '../errors.js'

export const QUEUE_NAME = 'rinse'

/** Everything a worker needs to know about a run, stored once per run. */
export interface RunSettings {
  input: string
  out: string
  config: PipelineConfig
  duplicates: 'skip' | 'write'
  /** Write OUT/diffs (absent in settings of older runs: true). */
  diffs?: boolean
  /** A file taking longer is stopped in the worker and fails (absent in older runs: the default; 0: no limit). */
  fileTimeoutMs?: number
  /** Files in the run: sizes a worker thread's heap for the corpus indexes it restores. */
  files?: number
}

export type JobData = {run: string; kind: 'collect'; stage: number; files: InputFile[]} | {run: string; kind: 'clean'; files: InputFile[]}

export const keys = {
  settings: (run: string) => `rinse:${run}:settings`,
  /** Hash: path → v8-serialized signature, per corpus stage. */
  signatures: (run: string, stage: number) => `rinse:${run}:sig:${stage}`,
  /** The corpus stage's built index as a v8-serialized snapshot: what every worker restores. */
  snapshot: (run: string, stage: number) => `rinse:${run}:snapshot:${stage}`,
  /** Hash: path → DocumentReport JSON. */
  documents: (run: string) => `rinse:${run}:documents`,
  /** Hash: path → error message. */
  failures: (run: string) => `rinse:${run}:failures`,
  /**
   * What stopped the run (a full disk: the WriteFailure as JSON), set by the worker
   * that met it: the coordinator stops, workers fail the run's other jobs at once,
   * and the coordinator run again removes it and continues.
   */
  stopped: (run: string) => `rinse:${run}:stopped`,
  all: (run: string) => `rinse:${run}:*`
}

/** Record what stopped `run` (the first stop stands). */
export async function stopRun(redis: Pick<Redis, 'set'>, run: string, error: WriteError): Promise<void> {
  await redis.set(keys.stopped(run), JSON.stringify(error.toJSON()), 'NX')
}

/** What stopped `run`, if something did. */
export async function runStopped(redis: Pick<Redis, 'get'>, run: string): Promise<WriteError | undefined> {
  const raw = await redis.get(keys.stopped(run))
  return raw ? new WriteError(JSON.parse(raw) as WriteFailure) : undefined
}
