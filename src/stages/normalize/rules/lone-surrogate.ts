/**
 * A lone UTF-16 surrogate (half of a character, from a JSON escape or a text
 * cut in the middle of an emoji) cannot be shown or written as UTF-8; it is
 * marked U+FFFD. A pair is the character itself in a JavaScript string, and
 * CESU-8 (an emoji as two encoded surrogates) is repaired as `mojibake`.
 */
import {encodingRule} from '../encoding/rule.js'

export const loneSurrogate = encodingRule('lone-surrogate', {
  reason: 'lone UTF-16 surrogate, half of a character, marked as U+FFFD',
  example: '`\\uD83D` alone → `�`'
})
