/** Repair mojibake whose no-break space byte became a plain space on the way (`Ã perturber` → `à perturber`). */
import {encodingRule} from '../encoding/rule.js'

export const lostNoBreakSpace = encodingRule('lost-no-break-space', {
  reason: 'UTF-8 text decoded with the wrong encoding, a no-break space byte turned into a space',
  example: '`Ã perturber` → `à perturber`'
})
