/**
 * Remove characters that do not show but break matching and tokenizing: zero
 * width spaces, byte order marks, soft hyphens, direction marks and control
 * characters. Zero width joiners stay: emoji and some scripts need them.
 */
import {editsForMatches, type TextRule} from '../../rule.js'

const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b\u200e\u200f\u2060\u2061-\u2064\ufeff]+/g

export const invisibleCharacter: TextRule = {
  id: 'invisible-character',
  reason: 'invisible or control character',
  example: '`zero\\u200Bwidth` → `zerowidth`',
  propose: (input) => editsForMatches(input.text, INVISIBLE, invisibleCharacter, () => '')
}
