/**
 * Corpus collection for one input file, in a worker thread or in process: read
 * it, run the stages before the corpus stage, and return the stage's signature
 * (and, for the last corpus stage, the trace of those stages, serialized for the spool).
 */
import {readDocumentSync} from '../io/read-document.js'
import type {InputFile} from '../io/walk.js'
import {collectDocument, type Collected} from '../engine/corpus.js'
import type {Pipeline} from '../library/pipeline.js'
import {InputError} from '../errors.js'
import {encodeTrace} from './trace-codec.js'

export interface CollectFileTask {
  stage: number
  file: InputFile
  /** The file's size, when known: a worker pool collects from very large files in the main thread. */
  size?: number | undefined
  /** Send back the trace, serialized, when the final pass is to replay it. */
  trace?: boolean | undefined
}

/** Undefined for a file that cannot be read: it is reported when it is cleaned. */
export function collectFile(pipeline: Pipeline, task: CollectFileTask): Collected | undefined {
  let text: string
  try {
    text = readDocumentSync(task.file.path, task.file.relative).text
  } catch (error) {
    if (error instanceof InputError) return undefined
    throw error
  }
  const {signature, trace} = collectDocument(pipeline.stages, task.stage, {path: task.file.relative, text}, task.trace ?? false)
  return {signature, trace: trace && encodeTrace(trace)}
}
