import {type BlockRule} from '../block-rule.js'

const DISCLAIMERS = [
  /\binformation on this (?:site|website|page) (?:is|comes) from\b/i,
  /\bdoes not necessarily (?:imply|reflect|represent)\b.{0,60}\b(?:recommendation|endorse\w*|views|opinions?|position)\b/i,
  /\bviews (?:and opinions )?expressed (?:here|in this (?:article|post)|within)\b.{0,60}\b(?:author|do not|don't|are (?:those|solely))\b/i,
  /\bnot (?:under our control|responsible for the content of external)\b/i,
  /\bfor (?:general )?informational purposes only\b/i,
  /\bdoes not constitute (?:financial|investment|legal|medical|professional) advice\b/i
]

/** `The inclusion of any links does not necessarily imply a recommendation...` */
export const disclaimer: BlockRule = {
  id: 'disclaimer',
  reason: 'site disclaimer',
  example: '`The views expressed here do not necessarily reflect...`',
  match: (block) => block.words <= 60 && DISCLAIMERS.some((pattern) => pattern.test(block.text))
}
