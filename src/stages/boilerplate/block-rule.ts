/** Rules that decide whether a whole block is boilerplate. */
import type {Block} from '../../blocks/block.js'
import {endsWith, holdsSentences} from '../../blocks/line-end.js'

/** What a rule may know about the document around a block. */
export interface BlockContext {
  blocks: readonly Block[]
  /** Index of the first and last block that reads as article prose (-1 if none). */
  firstProse: number
  lastProse: number
}

export interface BlockMatch {
  /** A more specific reason than the rule's own. */
  reason?: string
  /** How many blocks after this one belong to the same piece of boilerplate. */
  extend?: number
  detail?: Record<string, unknown>
}

export interface BlockRule {
  id: string
  reason: string
  example: string
  /** Context-free rules look at the block alone; the others need the prose bounds. */
  needsContext?: boolean
  match(block: Block, context: BlockContext): BlockMatch | boolean | undefined
}

/** A line that ends a sentence, closing quotes and brackets aside. */
export const endsSentence = endsWith('.!?…', '"”’\')]')

/** The fewest words of a line that reads like prose (here and in the classifier's prose tests). */
export const PROSE_WORDS = 12

/** A block that reads like article prose: long enough and ends a sentence. */
export function isProse(block: Block): boolean {
  return block.words >= PROSE_WORDS && endsSentence(block.text)
}

/**
 * A block that holds article prose for the gutting guard: prose, or a long row
 * of a table layout that holds sentences beside a side column's cell.
 */
export function holdsProse(block: Block): boolean {
  return block.words >= PROSE_WORDS && (endsSentence(block.text) || holdsSentences(block.text))
}

/** After the last prose block: where footers, tags and author boxes sit. */
export function inTail(block: Block, context: BlockContext): boolean {
  return block.index > context.lastProse
}

/** Before the first prose block: where mastheads, breadcrumbs and notices sit. */
export function inHead(block: Block, context: BlockContext): boolean {
  return context.firstProse === -1 || block.index < context.firstProse
}

/** Build a case-insensitive whole-line pattern from alternatives. */
export function wholeLine(alternatives: readonly string[], flags = 'iu'): RegExp {
  return new RegExp(`^(?:${alternatives.join('|')})$`, flags)
}
