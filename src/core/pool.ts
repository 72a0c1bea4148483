/** The worker pool for CPU-bound stages (piscina), or the same interface in process for small batches. */
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {Piscina} from 'piscina'
import type {PipelineConfig} from '../config/pipeline-file.js'
import type {DocumentResult, Trace} from './clean-document.js'
import {collectInProcess, corpusSnapshots, type Collected, type Collector} from './corpus.js'
import type {Pipeline} from './pipeline.js'
import type {WorkerSetup, WorkerTask} from './worker.js'

export interface Cleaner {
  clean(text: string, path: string, replay?: Trace): Promise<DocumentResult>
  collect: Collector
  close(): Promise<void>
}

export function defaultWorkers(): number {
  return availableParallelism()
}

export function inProcessCleaner(pipeline: Pipeline): Cleaner {
  return {
    clean: async (text, path, replay) => pipeline.clean(text, path, replay),
    collect: collectInProcess(pipeline.stages),
    close: async () => {}
  }
}

/**
 * The cleaner for the pipeline as it stands: a pool of `workers` threads that get
 * the corpus indexes built so far as snapshots, or the main thread for one worker.
 * Asked for anew after each corpus barrier, so workers see the latest indexes.
 */
export function cleanerFor(pipeline: Pipeline, workers: number): Cleaner {
  return workers > 1 ? poolCleaner(pipeline.config, corpusSnapshots(pipeline.stages), workers) : inProcessCleaner(pipeline)
}

export function poolCleaner(config: PipelineConfig, snapshots: WorkerSetup['snapshots'], workers: number): Cleaner {
  const pool = new Piscina({
    filename: workerFile(),
    workerData: {config, snapshots} satisfies WorkerSetup,
    minThreads: workers,
    maxThreads: workers
  })
  return {
    clean: (text, path, replay) => pool.run({kind: 'clean', text, path, replay} satisfies WorkerTask) as Promise<DocumentResult>,
    collect: (stage, document) =>
      pool.run({kind: 'collect', stage, path: document.path, text: document.text} satisfies WorkerTask) as Promise<Collected>,
    close: () => pool.destroy()
  }
}

/** The compiled worker; tests that import the TypeScript sources still use the built one. */
function workerFile(): string {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url))
  if (existsSync(here)) return here
  return fileURLToPath(new URL('../../dist/core/worker.js', import.meta.url))
}
