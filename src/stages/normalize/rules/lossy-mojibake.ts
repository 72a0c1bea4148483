/** Mojibake that lost a byte on the way (often replaced by `?`): the character cannot be recovered and is marked `�`. */
import {encodingRule} from '../encoding/rule.js'

export const lossyMojibake = encodingRule('lossy-mojibake', {
  reason: 'mojibake whose lost byte cannot be recovered, marked as U+FFFD',
  example: '`donâ€?t` → `don�t`'
})
