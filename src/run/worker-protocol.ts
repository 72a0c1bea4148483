/** What the main thread and the pool's worker threads send each other. */
import type {PipelineConfig} from '../config/pipeline-file.js'
import type {Trace} from '../engine/clean-document.js'
import type {CleanFileTask} from './clean-file.js'
import type {CollectFileTask} from './collect-file.js'
import type {TraceRef} from './trace-spool.js'
import type {WriteFailure} from '../errors.js'

/** The corpus indexes as they stand, serialized once into shared memory that every task can point to. */
export interface CorpusShare {
  version: number
  snapshots: Array<[stageIndex: number, bytes: SharedArrayBuffer]>
}

export interface WorkerSetup {
  config: PipelineConfig
  /** The corpus indexes when the pool started (version 0), by stage index. */
  snapshots: Array<[number, unknown]>
}

export type WorkerTask =
  | {kind: 'clean'; path: string; site?: string | undefined; text: string; replay?: Trace | TraceRef | undefined}
  /** The trace comes back serialized (for a spool) when `withTrace` is set. */
  | {kind: 'collect'; stage: number; path: string; site?: string | undefined; text: string; withTrace: boolean}
  | {kind: 'clean-file'; task: CleanFileTask}
  | {kind: 'collect-file'; task: CollectFileTask}

/** A batch of tasks with the corpus indexes they must see. */
export interface WorkerMessage {
  tasks: WorkerTask[]
  corpus: CorpusShare
  /**
   * The watchdog's slot: [index of the task running, when it started (epoch ms),
   * where in the pipeline it is (see watch-point.ts)].
   */
  status?: SharedArrayBuffer | undefined
}

/** Each task of a batch succeeds or fails on its own; an output that could not be written says which and why. */
export type BatchResult = {value: unknown} | {error: string; write?: WriteFailure}
