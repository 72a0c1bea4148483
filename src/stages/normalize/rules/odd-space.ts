/** Turn non-breaking, typographic and ideographic spaces into a plain space. */
import {editsForMatches, type TextRule} from '../../rule.js'

const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g

export const oddSpace: TextRule = {
  id: 'odd-space',
  reason: 'non-breaking or typographic space',
  example: '`10\\u00A0km` → `10 km`',
  propose: (input) => editsForMatches(input.text, ODD_SPACE, oddSpace, () => ' ')
}
