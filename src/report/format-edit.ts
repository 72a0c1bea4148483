/** An edit as people and tools read it: one line, or a vfile message. */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Edit} from '../engine/types.js'

/** One line in the unified reporters' style: `3:1-3:12 boilerplate/comment-form: comment form prompt`. */
export function formatEdit(edit: Edit): string {
  const place = `${edit.start.line}:${edit.start.column}-${edit.end.line}:${edit.end.column}`
  return `${place} ${edit.stage}/${edit.rule}: ${explanation(edit)} ${JSON.stringify(edit.before)} → ${JSON.stringify(edit.after)}`
}

/** The long form of an edit's reason where its rule gives one (the classifier's, in words), else its reason. */
export function explanation(edit: Pick<Edit, 'reason' | 'detail'>): string {
  const long = edit.detail?.explanation
  return typeof long === 'string' ? long : edit.reason
}

/** An applied edit as an `info` message of `file`, in the shape retext's fixers report (`actual`, `expected`). */
export function editMessage(file: VFile, edit: Edit): VFileMessage {
  const message = file.info(explanation(edit), {
    place: {start: edit.start, end: edit.end},
    ruleId: edit.rule,
    source: `rinse-${edit.stage}`
  })
  message.actual = edit.before
  message.expected = [edit.after]
  return message
}
