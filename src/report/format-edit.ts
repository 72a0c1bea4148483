/** One edit as one line, in the unified reporters' style: `3:1-3:12 boilerplate/comment-form: comment form prompt`. */
import type {Edit} from '../core/types.js'

export function formatEdit(edit: Edit): string {
  const place = `${edit.start.line}:${edit.start.column}-${edit.end.line}:${edit.end.column}`
  return `${place} ${edit.stage}/${edit.rule}: ${edit.reason} ${JSON.stringify(edit.before)} → ${JSON.stringify(edit.after)}`
}
