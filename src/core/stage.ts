/** What a stage is to the runner: named passes that propose edits over the current text. */
import type {Block} from '../blocks/block.js'
import type {Point, ProposedEdit, StageName} from './types.js'

/** What a pass sees of one document. */
export interface StageInput {
  /** Path relative to the input folder (or a label for strings). */
  path: string
  /** The document's text as earlier stages and passes left it. */
  text: string
  /** The text split into blocks; computed on first use. */
  blocks(): Block[]
  /** Where a position of the current text was in the original input. */
  originalPoint(offset: number): Point
}

/** One sweep over a document. Edits of a pass are applied before the next pass looks. */
export interface Pass {
  propose(input: StageInput): ProposedEdit[]
}

/** Documentation of a rule: feeds the README's Messages table and option validation. */
export interface RuleInfo {
  id: string
  reason: string
  example: string
}

/** A stage with its options resolved, ready to run on many documents. */
export interface ConfiguredStage {
  name: StageName
  /** The unified `source` of its messages: `rinse-normalize`. */
  source: string
  passes: Pass[]
  /** The options as resolved, for the report. */
  options: unknown
}
