/**
 * How overlay entries are named in a document's report: the rule of a removal
 * (`review-remove`), of text kept (`kept-by-review`, a warning), and the entry's
 * `[FILE:LINE]` at the end of the reason, from which a run learns which entries
 * did something (the others are reported as stale).
 */

/** A line an overlay always removes. */
export const REVIEW_REMOVE = 'review-remove'
/** Text an overlay kept: a line kept, or a rule switched off where it would have fired. */
export const KEPT_BY_REVIEW = 'kept-by-review'

export function tagged(reason: string, id: string): string {
  return `${reason} [${id}]`
}

const TAG = /\[([^[\]]*:\d+)\]$/

/** The entry a reason or warning names, if it names one. */
export function taggedEntry(text: string): string | undefined {
  return TAG.exec(text)?.[1]
}
