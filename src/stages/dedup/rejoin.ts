/**
 * Lines of a hard-wrapped paragraph that a removed copy stood between or led (a
 * quoted line repeated in a mail thread, a code comment printed twice): once the
 * copy is gone, a second clean's normalize would join them. Joined here, in the
 * paragraphs the removals touched only, so that the output is a fixed point.
 */
import type {ProposedEdit} from '../../engine/types.js'
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
  // The text after the removals; where each removal falls in it and how much
  // had been removed up to its end.
  let after = ''
  let at = 0
  let removed = 0
  const cuts: Array<{at: number; removed: number}> = []
  for (const cut of [...removals].sort((a, b) => a.start - b.start)) {
    if (cut.start < at) return []
    after += text.slice(at, cut.start) + cut.replacement
    removed += cut.end - cut.start - cut.replacement.length
    at = cut.end
    cuts.push({at: after.length, removed})
  }
  if (cuts.length === 0) return []
  after += text.slice(at)
  // A position of `after` in `text`: moved by every removal at or before it.
  const inText = (position: number): number => position + (cuts.findLast((cut) => cut.at <= position)?.removed ?? 0)
  const joins: ProposedEdit[] = []
  for (const join of rewrapJoins(after, wrap)) {
    // A removal inside or at the edge of a paragraph changes the wrap width and the
    // share of code-like lines it is judged by: any join in it is the removal's doing.
    const newline = after.indexOf('\n', join.start)
    const paragraphStart = after.lastIndexOf('\n\n', newline) + 1
    const paragraphEnd = after.indexOf('\n\n', newline)
    if (!cuts.some((cut) => cut.at >= paragraphStart && (paragraphEnd === -1 || cut.at <= paragraphEnd + 1))) continue
    const start = inText(join.start)
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
