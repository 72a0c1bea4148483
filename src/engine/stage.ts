/** What a stage is to the runner: named passes that propose edits over the current text. */
import type {Block} from '../blocks/block.js'
import type {Cluster, Point, ProposedEdit, StageName} from './types.js'
import type {ZodType} from 'zod'

/** What a pass sees of one document. */
export interface StageInput {
  /** Path relative to the input folder (or a label for strings). */
  path: string
  /**
   * The document's site when its runner knows it (a JSONL record's `site` or `url`
   * field); absent, a stage that needs one works it out from the path (see io/site.ts).
   */
  site?: string
  /** The document's text as earlier stages and passes left it. */
  text: string
  /** The document as read, before any stage (absent where a caller has none). */
  original?: string
  /** The text split into blocks; computed on first use. */
  blocks(): Block[]
  /** Where a position of the current text was in the original input. */
  originalPoint(offset: number): Point
  /** Flag suspicious text that is kept: it goes to the report's warnings, not to the edits. */
  warn(warning: Warning): void
}

/** Something a stage noticed but did not change. */
export interface Warning {
  start: number
  end: number
  rule: string
  reason: string
}

/** A whole document a corpus stage drops (a duplicate of another). */
export interface DropDecision {
  stage: StageName
  rule: string
  reason: string
  detail?: Record<string, unknown>
}

/**
 * A corpus stage sees the whole batch in two steps around a barrier: `collect`
 * runs on every document at the stage's place in the pipeline and returns a
 * small signature; `build` then sees all signatures, after which the stage's
 * passes (and `drop`) can use what it learnt. Until `build` has run, the passes
 * change nothing, so cleaning a lone string never depends on other documents.
 */
export type SnapshotScope = 'whole' | 'cleaning'

export interface CorpusHooks<Signature = unknown> {
  collect(input: StageInput): Signature
  build(signatures: ReadonlyMap<string, Signature>): void
  /** After build: a stable summary of the index, for the resume manifest. */
  fingerprint(): string
  /**
   * After build: the index as structured-cloneable data. `whole` (the default)
   * restores everything (a resumed run, another process); `cleaning` only what
   * cleaning a document asks of the stage besides `drop`, for worker threads,
   * whose tasks carry the drop decision (a 100,000-document batch's drops and
   * clusters were most of what each thread copied).
   */
  snapshot(scope?: SnapshotScope): unknown
  /** Take an index built elsewhere (in the main thread). */
  restore(snapshot: unknown): void
  /** After build: whether a document is dropped whole (`site`: as StageInput.site). */
  drop?(path: string, site?: string): DropDecision | undefined
  /** After build: duplicate clusters for the report. */
  clusters?(): Cluster[]
}

/**
 * One sweep over a document. Edits of a pass are applied before the next pass looks.
 * `Prepared`: what its `prepare` finds (plain data: it is recorded in a trace).
 */
export interface Pass<Prepared = unknown> {
  /** `prepared` is what `prepare` returned for this same text, when corpus collection recorded it. */
  propose(input: StageInput, prepared?: Prepared): ProposedEdit[]
  /**
   * The part of the first pass of a corpus stage that does not depend on the
   * corpus index. Collection runs it on the text it already has (with warm
   * caches) and records the result, as plain data, for the final pass.
   */
  prepare?(input: StageInput): Prepared
}

/** Documentation of a rule: feeds the README's Messages table and option validation. */
export interface RuleInfo {
  id: string
  reason: string
  example: string
}

/**
 * A stage as a pipeline file names it: what it does, its rules, its options
 * (a zod schema holding the defaults and checks) and how it is built.
 */
export interface StageSpec {
  name: StageName
  description: string
  rules: readonly RuleInfo[]
  schema: ZodType
  create(options: never): ConfiguredStage
}

/** A stage with its options resolved, ready to run on many documents. */
export interface ConfiguredStage {
  name: StageName
  /** The unified `source` of its messages: `rinse-normalize`. */
  source: string
  passes: Pass[]
  /** The options as resolved, for the report. */
  options: unknown
  /** Present on stages that need the whole batch. */
  corpus?: CorpusHooks
}
