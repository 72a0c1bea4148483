/**
 * A worker thread of the pool: builds the pipeline once from the config it is
 * given, takes the corpus indexes built in the main thread, and then cleans
 * (or collects signatures for) one document or one input file per task.
 */
import {deserialize} from 'node:v8'
import {workerData} from 'node:worker_threads'
import {cleanFile} from './clean-file.js'
import {collectFile} from './collect-file.js'
import {collectDocument} from '../engine/corpus.js'
import {restoreCorpus} from './corpus-state.js'
import {createPipeline, cleanReplaying} from '../library/pipeline.js'
import type {BatchResult, WorkerMessage, WorkerSetup, WorkerTask} from './worker-protocol.js'
import {traceOf} from './trace-spool.js'
import {NOWHERE, watchInto} from '../engine/watch-point.js'
import {WriteError} from '../errors.js'
import {encodeTrace} from './trace-codec.js'

const setup = workerData as WorkerSetup
const pipeline = createPipeline(setup.config)
restoreCorpus(pipeline.stages, setup.snapshots)
let restored = 0

export default function run(message: WorkerMessage): BatchResult[] {
  // A new version of the indexes (after a corpus barrier) is restored once per thread.
  if (message.corpus.version !== restored) {
    restoreCorpus(
      pipeline.stages,
      message.corpus.snapshots.map(([index, bytes]) => [index, deserialize(new Uint8Array(bytes))])
    )
    restored = message.corpus.version
  }
  const status = message.status && new Float64Array(message.status)
  // The stages mark where they are into the slot while this batch runs.
  watchInto(status, 2)
  const results = message.tasks.map((task, index): BatchResult => {
    // Written before each task so the main thread can tell which one overran its budget.
    if (status) {
      status[2] = NOWHERE
      status[1] = Date.now()
      status[0] = index
    }
    try {
      return {value: runTask(task)}
    } catch (error) {
      if (error instanceof WriteError) return {error: error.message, write: error.toJSON()}
      return {error: error instanceof Error ? error.message : String(error)}
    }
  })
  watchInto(undefined)
  return results
}

function runTask(task: WorkerTask): unknown {
  switch (task.kind) {
    case 'collect': {
      const {signature, trace} = collectDocument(pipeline.stages, task.stage, task, task.withTrace)
      return {signature, trace: trace && encodeTrace(trace)}
    }
    case 'clean-file':
      return cleanFile(pipeline, task.task)
    case 'collect-file':
      return collectFile(pipeline, task.task)
    case 'clean': {
      const result = cleanReplaying(pipeline, task.text, task.path, task.replay && traceOf(task.replay), task.site)
      return {text: result.text, edits: result.edits, conflicts: result.conflicts, warnings: result.warnings}
    }
  }
}
