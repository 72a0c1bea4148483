/** A normalize rule that proposes the encoding repairs of one kind of damage. */
import type {ProposedEdit} from '../../../engine/types.js'
import type {TextRule} from '../../rule.js'
import {describePlan} from './library.js'
import {encodingRepairs, type DamageKind, type EncodingRepair} from './repairs.js'

export function encodingRule(
  kind: DamageKind,
  info: {reason: string; example: string},
  reasonFor: (repair: EncodingRepair) => string = () => info.reason
): TextRule {
  return {
    id: kind,
    ...info,
    propose(input) {
      const edits: ProposedEdit[] = []
      for (const repair of encodingRepairs(input.text)) {
        if (repair.kind !== kind) continue
        edits.push({
          start: repair.start,
          end: repair.end,
          replacement: repair.replacement,
          rule: kind,
          reason: reasonFor(repair),
          detail: {plan: describePlan(repair.plan)}
        })
      }
      return edits
    }
  }
}
