/**
 * Remove characters that do not show but break matching and tokenizing: zero
 * width spaces, byte order marks, soft hyphens, direction marks and control
 * characters. Zero width joiners stay: emoji and some scripts need them. C1
 * controls that are Windows-1252 punctuation are left to `c1-control`, which
 * decodes them; only the five that Windows-1252 leaves undefined go here.
 */
import {editsForMatches, type TextRule} from '../../rule.js'

const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0081\u008d\u008f\u0090\u009d\u00ad\u200b\u200e\u200f\u2060\u2061-\u2064\ufeff]+/g

export const invisibleCharacter: TextRule = {
  id: 'invisible-character',
  reason: 'invisible or control character',
  example: '`zero\\u200Bwidth` → `zerowidth`',
  propose: (input) => editsForMatches(input.text, INVISIBLE, invisibleCharacter, () => '')
}
