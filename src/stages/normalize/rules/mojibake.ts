/**
 * Repair text that was encoded as UTF-8 and decoded with another codec
 * (`donâ€™t` → `don’t`, `РґРѕСЂРѕРіРµ` → `дороге`), layers of it undone together.
 * The repair library decides what is damage, which keeps look-alikes such as
 * `SÃO PAULO` or `MARQUÉ…` as they are.
 */
import {encodingRule} from '../encoding/rule.js'
import {misreadCodecs} from '../encoding/library.js'
import type {EncodingRepair} from '../encoding/repairs.js'

const REASON = 'UTF-8 text decoded with the wrong encoding'

function reasonFor(repair: EncodingRepair): string {
  const codecs = misreadCodecs(repair.plan)
  if (codecs.length === 0) return `${REASON}, in places`
  const layers = codecs.length > 1 ? ` (${codecs.length} layers)` : ''
  return `UTF-8 text decoded as ${[...new Set(codecs)].join(' and ')}${layers}`
}

export const mojibake = encodingRule('mojibake', {reason: REASON, example: '`donâ€™t` → `don’t`'}, reasonFor)
