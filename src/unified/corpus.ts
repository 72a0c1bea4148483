/**
 * The batch for the corpus halves of rinse's plugins (recurring lines, copies
 * across documents): prepared once from every document, then passed to each
 * file's processor as the plugins' `corpus` option.
 */
import type {PipelineConfig} from '../config/pipeline-file.js'
import {createPipeline, DEFAULT_PIPELINE, type Document, type Pipeline} from '../library/pipeline.js'
import {dropDecision} from '../engine/corpus.js'
import type {ConfiguredStage, DropDecision} from '../engine/stage.js'

export interface RinseCorpus {
  /** The pipeline whose corpus stages saw the batch; the plugins take their stage (and options) from it. */
  readonly pipeline: Pipeline
  stage(name: string): ConfiguredStage | undefined
  /** Whether a document of the batch is dropped whole (a copy of another). */
  drop(path: string): DropDecision | undefined
}

export async function prepareCorpus(
  documents: Iterable<Document> | AsyncIterable<Document> | (() => Iterable<Document> | AsyncIterable<Document>),
  pipeline: PipelineConfig | {stages: unknown[]} = DEFAULT_PIPELINE
): Promise<RinseCorpus> {
  const built = createPipeline(pipeline)
  // Each corpus stage reads the batch once: an iterable is read into a list for all of them.
  const list: Document[] = []
  if (typeof documents !== 'function') for await (const document of documents) list.push(document)
  const source = typeof documents === 'function' ? documents : () => list
  await built.prepare(source)
  return {
    pipeline: built,
    stage: (name) => built.stages.find((stage) => stage.name === name),
    drop: (path) => dropDecision(built.stages, path)
  }
}
