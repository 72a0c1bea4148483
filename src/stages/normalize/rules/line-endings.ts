/** Turn Windows and old Mac line ends into `\n`. */
import {editsForMatches, type TextRule} from '../../rule.js'

export const lineEndings: TextRule = {
  id: 'line-endings',
  reason: 'Windows or old Mac line end',
  example: '`line\\r\\n` → `line\\n`',
  propose: (input) => editsForMatches(input.text, /\r\n?/g, lineEndings, () => '\n')
}
