/** Redis keys and the job protocol shared by the coordinator and the workers of a distributed run. */
import type {PipelineConfig} from '../config/pipeline-file.js'
import type {InputFile} from '../io/walk.js'

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
  all: (run: string) => `rinse:${run}:*`
}
