/** Replay a document's report edits on its original text: the result is the cleaned text. */
import type {Edit} from './types.js'

export function applyEdits(original: string, edits: readonly Edit[]): string {
  let out = ''
  let last = 0
  for (const edit of edits) {
    if (edit.start.offset < last) throw new Error(`edits overlap at offset ${edit.start.offset}`)
    if (original.slice(edit.start.offset, edit.end.offset) !== edit.before) {
      throw new Error(`edit ${edit.stage}/${edit.rule} at ${edit.start.line}:${edit.start.column} does not match the original text`)
    }
    out += original.slice(last, edit.start.offset) + edit.after
    last = edit.end.offset
  }
  return out + original.slice(last)
}
