/**
 * Join hard-wrapped lines that boilerplate left next to each other: in a table
 * layout a side column's cells sit between the wrapped lines of the article, so
 * normalize's hard-wrap cannot tell the wrap until they are gone. Without this a
 * second clean of the output would join them.
 */
import type {ProposedEdit} from '../../../engine/types.js'
import type {TextRule} from '../../rule.js'
import {DEFAULT_HARD_WRAP, hardWrap, hardWrapFixedPoint, type HardWrapOptions} from '../../normalize/rules/hard-wrap.js'

export interface RewrapOptions {
  /** The wrap widths recognised: normalize's `hardWrap`, declared once in the pipeline. */
  wrap?: HardWrapOptions
}

/** The line joins rewrap makes in a text (boilerplate also asks, to see the output as a second clean will). */
export function rewrapJoins(text: string, wrap: HardWrapOptions = DEFAULT_HARD_WRAP): ProposedEdit[] {
  return hardWrapFixedPoint(text, wrap)
}

export const rewrap: TextRule<RewrapOptions> = {
  id: 'rewrap',
  reason: 'line broken by a fixed-width wrap, joined once the boilerplate between its lines was removed',
  example: '`the council voted\\nfor the plan` (a side column removed between them) → `the council voted for the plan`',
  propose(input, options) {
    return rewrapJoins(input.text, options.wrap).map((edit) => ({
      ...edit,
      rule: rewrap.id,
      reason: edit.rule === hardWrap.id ? rewrap.reason : edit.reason
    }))
  }
}
