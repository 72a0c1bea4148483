/**
 * The library's pipeline: built once from a pipeline config, reused for every
 * document, like a frozen unified processor.
 */
import {VFile} from 'vfile'
import {readFileSync} from 'node:fs'
import {parse as parseYaml} from 'yaml'
import {buildStages, DEFAULT_PIPELINE_PATH, parsePipeline, type PipelineConfig} from '../config/pipeline-file.js'
import {editMessage} from '../report/format-edit.js'
import {cleanDocument, type DocumentResult, type Trace} from '../engine/clean-document.js'
import {buildCorpus} from '../engine/corpus.js'
import type {EditLog} from '../engine/edit-log.js'
import type {ConfiguredStage, DropDecision} from '../engine/stage.js'
import type {Conflict, Edit} from '../engine/types.js'

export interface CleanResult {
  /** The cleaned text. */
  text: string
  /** Every applied change, in original positions, never overlapping. */
  edits: Edit[]
  conflicts: Conflict[]
  /** Text kept but flagged, as `line:column stage/rule: reason`. */
  warnings: string[]
  /** A vfile holding the cleaned text, with one `info` message per edit (unified convention). */
  file: VFile
}

export interface Document {
  path: string
  text: string
  /** Its site, for overlays scoped by site and per-site evidence; default: worked out from the path (first folder, or the pipeline's `site` pattern). */
  site?: string | undefined
}

export interface Pipeline {
  readonly config: PipelineConfig
  readonly stages: readonly ConfiguredStage[]
  /** Clean one string or vfile. */
  clean(input: string | VFile, path?: string): CleanResult
  /**
   * Let the corpus stages (recurring lines, cross-document duplicates) see the
   * whole batch first. `documents` is called once per corpus stage. Without it,
   * corpus stages change nothing.
   */
  prepare(documents: () => AsyncIterable<Document> | Iterable<Document>): Promise<void>
  /** Clean documents as they come, one at a time: memory stays flat for any corpus size. */
  cleanStream(documents: AsyncIterable<Document> | Iterable<Document>): AsyncGenerator<Document & {result: CleanResult}>
}

/** The default pipeline: `pipelines/default.yaml`, the one place it is written down. */
export const DEFAULT_PIPELINE = parseYaml(readFileSync(DEFAULT_PIPELINE_PATH, 'utf8')) as PipelineData

/** A pipeline as data, before it is checked: stage names, or `{stage: options}`. */
export interface PipelineData {
  stages: Array<string | Record<string, Record<string, unknown>>>
}

export function createPipeline(pipeline: PipelineConfig | {stages: unknown[]} = DEFAULT_PIPELINE): Pipeline {
  const config = 'hash' in pipeline ? pipeline : parsePipeline(pipeline)
  const stages = buildStages(config)
  const clean = (input: string | VFile, path?: string, replay?: Trace, site?: string): CleanResult => {
    const file = typeof input === 'string' ? new VFile({value: input, path}) : input
    const original = String(file.value ?? '')
    return new Cleaned(cleanDocument(original, stages, path ?? file.path ?? '<text>', replay, site), file.path, original)
  }
  const built: Pipeline = {
    config,
    stages,
    clean: (input, path) => clean(input, path),
    prepare: async (documents) => {
      await buildCorpus(stages, documents)
    },
    async *cleanStream(documents) {
      for await (const document of documents) yield {...document, result: clean(document.text, document.path, undefined, document.site)}
    }
  }
  replaying.set(built, clean)
  return built
}

/** The runners' way in: clean a text, replaying what corpus collection already did to it. */
const replaying = new WeakMap<Pipeline, (text: string, path: string, replay?: Trace, site?: string) => CleanResult>()

/**
 * Clean `text` as `pipeline.clean` does, skipping the stages of `replay` (a trace
 * recorded while collecting the corpus indexes). For src/run; not exported by the package.
 */
export function cleanReplaying(pipeline: Pipeline, text: string, path: string, replay: Trace | undefined, site?: string): CleanResult {
  const clean = replaying.get(pipeline)
  if (!clean) throw new TypeError('cleanReplaying needs a pipeline made by createPipeline')
  return clean(text, path, replay, site)
}

/**
 * A clean's result, its vfile built on first use: batch runs never need the
 * messages as vfile objects. A class rather than a literal with a getter, which
 * V8 keeps alive long enough to promote every result to the old generation.
 */
class Cleaned implements CleanResult {
  readonly text: string
  readonly edits: Edit[]
  readonly conflicts: Conflict[]
  readonly warnings: string[]
  #file: VFile | undefined
  readonly #path: string | undefined
  readonly #original: string

  constructor(result: DocumentResult, path: string | undefined, original: string) {
    this.text = result.text
    this.edits = result.edits
    this.conflicts = result.conflicts
    this.warnings = result.warnings
    this.#path = path
    this.#original = original
  }

  get file(): VFile {
    return (this.#file ??= toVFile(this.#path, this.#original, this))
  }
}

function toVFile(path: string | undefined, original: string, result: {text: string; edits: Edit[]; conflicts: Conflict[]}): VFile {
  const out = new VFile({value: result.text, path})
  for (const edit of result.edits) editMessage(out, edit)
  out.data.rinse = {edits: result.edits, conflicts: result.conflicts, original}
  return out
}

/** Clean one text with the default pipeline (or the one given). */
export function clean(input: string | VFile, pipeline?: Pipeline): CleanResult {
  return (pipeline ?? createPipeline()).clean(input)
}

/** What rinse leaves in `file.data.rinse`: a clean's result, or the rinse plugins' state handed on. */
export interface RinseData {
  /** The text rinse was given: every position refers to it. */
  original: string
  edits: Edit[]
  conflicts: Conflict[]
  /** With the unified plugins: the edit log, the current text and its mapping back to `original`. */
  log?: EditLog
  /** Set when a corpus stage found the whole document a copy of another. */
  dropped?: DropDecision
}

declare module 'vfile' {
  interface DataMap {
    rinse: RinseData
  }
}
