/**
 * Rebuilding a document's original text from its cleaned text and its
 * top-level edits (positions in original offsets, sorted, never overlapping),
 * and the inverse: applying the edits to the original.
 */
import type {Edit} from './types.js'
import {ReconstructError} from '../errors.js'

/** The edits in original order; a sorted input is returned as is. */
function inOrder(edits: readonly Edit[]): readonly Edit[] {
  for (let i = 1; i < edits.length; i++) {
    if (edits[i]!.start.offset < edits[i - 1]!.start.offset) {
      // Stable sort keeps an insertion ahead of an edit starting at the same offset.
      return [...edits].sort((a, b) => a.start.offset - b.start.offset)
    }
  }
  return edits
}

function check(edit: Edit, index: number, previousEnd: number): void {
  const {start, end} = edit
  if (start.offset < previousEnd) {
    throw new ReconstructError(`edit ${index} (${edit.rule}) starts at ${start.offset}, inside the previous edit ending at ${previousEnd}`)
  }
  if (end.offset - start.offset !== edit.before.length) {
    throw new ReconstructError(
      `edit ${index} (${edit.rule}) spans ${start.offset}..${end.offset} but its before text has ${edit.before.length} characters`
    )
  }
}

/**
 * The original text of a document, from its cleaned text and its top-level
 * edits. Text between edits is copied from the cleaned text; each edit gives
 * back its `before` and consumes `after.length` characters of the cleaned text.
 * Throws a `ReconstructError` when the edits and the cleaned text disagree.
 */
export function reconstructOriginal(cleaned: string, edits: readonly Edit[]): string {
  const parts: string[] = []
  let originalPos = 0
  let cleanedPos = 0
  inOrder(edits).forEach((edit, index) => {
    check(edit, index, originalPos)
    const gap = edit.start.offset - originalPos
    if (cleanedPos + gap + edit.after.length > cleaned.length) {
      throw new ReconstructError(`cleaned text ends before edit ${index} (${edit.rule}) at original offset ${edit.start.offset}`)
    }
    parts.push(cleaned.slice(cleanedPos, cleanedPos + gap))
    cleanedPos += gap
    const produced = cleaned.slice(cleanedPos, cleanedPos + edit.after.length)
    if (produced !== edit.after) {
      throw new ReconstructError(`cleaned text at ${cleanedPos} does not hold what edit ${index} (${edit.rule}) produced`)
    }
    cleanedPos += edit.after.length
    parts.push(edit.before)
    originalPos = edit.end.offset
  })
  parts.push(cleaned.slice(cleanedPos))
  return parts.join('')
}

/** The cleaned text: the top-level edits applied to the original. */
export function applyEdits(original: string, edits: readonly Edit[]): string {
  const parts: string[] = []
  let pos = 0
  inOrder(edits).forEach((edit, index) => {
    check(edit, index, pos)
    if (edit.end.offset > original.length) {
      throw new ReconstructError(`edit ${index} (${edit.rule}) ends at ${edit.end.offset}, past the end of the text`)
    }
    if (original.slice(edit.start.offset, edit.end.offset) !== edit.before) {
      throw new ReconstructError(`edit ${index} (${edit.rule}) at ${edit.start.line}:${edit.start.column} does not match the original text`)
    }
    parts.push(original.slice(pos, edit.start.offset), edit.after)
    pos = edit.end.offset
  })
  parts.push(original.slice(pos))
  return parts.join('')
}

/** Whether every edit's `before` is exactly the original text at its offsets. */
export function editsMatch(original: string, edits: readonly Edit[]): boolean {
  return edits.every((edit) => original.slice(edit.start.offset, edit.end.offset) === edit.before && edit.end.offset <= original.length)
}
