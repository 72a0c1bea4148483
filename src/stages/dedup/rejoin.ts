/**
 * Lines of a hard-wrapped paragraph that a removed copy stood between or led (a
 * quoted line repeated in a mail thread, a code comment printed twice): once the
 * copy is gone, a second clean's normalize would join them. Joined here, in the
 * paragraphs the removals touched only, so that the output is a fixed point.
 */
import type {ProposedEdit} from '../../engine/types.js'
import {applyProposed} from '../../engine/apply-proposed.js'
import {rewrapJoins} from '../repair/rules/rewrap.js'
import {hardWrap, type HardWrapOptions} from '../normalize/rules/hard-wrap.js'

export const REJOIN = {
  id: 'rejoin',
  reason: 'line broken by a fixed-width wrap, joined once the copy between its lines was removed',
  example: '`the council voted\\n` (a repeated line removed) `for the plan` → `the council voted for the plan`'
}

/**
 * The joins a hard-wrap pass would make on `text` with `removals` applied, in
 * the paragraphs a removal was inside or next to, placed in `text`.
 */
export function seamJoins(text: string, removals: readonly ProposedEdit[], wrap?: HardWrapOptions): ProposedEdit[] {
  const after = removals.length === 0 ? undefined : applyProposed(text, removals)
  if (!after) return []
  const joins: ProposedEdit[] = []
  for (const join of rewrapJoins(after.text, wrap)) {
    // A removal inside or at the edge of a paragraph changes the wrap width and the
    // share of code-like lines it is judged by: any join in it is the removal's doing.
    const newline = after.text.indexOf('\n', join.start)
    const paragraphStart = after.text.lastIndexOf('\n\n', newline) + 1
    const paragraphEnd = after.text.indexOf('\n\n', newline)
    if (!after.ends.some((cut) => cut >= paragraphStart && (paragraphEnd === -1 || cut <= paragraphEnd + 1))) continue
    const start = after.source(join.start)
    joins.push({
      start,
      end: start + (join.end - join.start),
      replacement: join.replacement,
      rule: REJOIN.id,
      reason: join.rule === hardWrap.id ? REJOIN.reason : join.reason
    })
  }
  return joins
}
