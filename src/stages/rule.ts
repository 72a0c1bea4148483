/** The shape shared by rules that scan text and propose edits. */
import type {StageInput} from '../engine/stage.js'
import type {ProposedEdit} from '../engine/types.js'

export interface TextRule<Options = unknown> {
  id: string
  reason: string
  /** A short before → after example for the README's Messages table. */
  example: string
  propose(input: StageInput, options: Options): ProposedEdit[]
}

/** Edits for every match of a global regex, with the replacement computed per match. */
export function editsForMatches(
  text: string,
  pattern: RegExp,
  rule: {id: string; reason: string},
  replace: (match: RegExpExecArray) => string | undefined
): ProposedEdit[] {
  const edits: ProposedEdit[] = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++
      continue
    }
    const replacement = replace(match)
    if (replacement === undefined || replacement === match[0]) continue
    edits.push({start: match.index, end: match.index + match[0].length, replacement, rule: rule.id, reason: rule.reason})
  }
  return edits
}
