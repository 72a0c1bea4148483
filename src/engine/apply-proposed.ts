/**
 * Proposed edits applied to a text outside the edit log, for a rule that must
 * judge the text as it will be after them (a hard-wrap join widening its
 * paragraph, the lines a removed copy leaves next to each other).
 */
import type {ProposedEdit} from './types.js'

export interface AppliedEdits {
  text: string
  /** Where each edit ends in `text` (the result), in text order. */
  ends: number[]
  /** Where a position of `text` (the result) stands in the text the edits were made on. */
  source(position: number): number
}

/** `edits` applied to `text`; undefined when two of them overlap. */
export function applyProposed(text: string, edits: readonly ProposedEdit[]): AppliedEdits | undefined {
  let out = ''
  let at = 0
  let taken = 0
  // Where each edit ends in the result, and how much the edits up to it took out.
  const ends: Array<{at: number; taken: number}> = []
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < at) return undefined
    out += text.slice(at, edit.start) + edit.replacement
    taken += edit.end - edit.start - edit.replacement.length
    at = edit.end
    ends.push({at: out.length, taken})
  }
  return {
    text: out + text.slice(at),
    ends: ends.map((end) => end.at),
    source: (position) => position + (ends.findLast((end) => end.at <= position)?.taken ?? 0)
  }
}
