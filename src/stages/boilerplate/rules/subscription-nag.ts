import {type BlockRule} from '../block-rule.js'

const NAGS = [
  /\bclick here to subscribe\b/i,
  /\bsubscribe (?:now|today|for (?:full|unlimited)|to (?:our|the) newsletter)\b/i,
  /\bsign up (?:for|to) (?:our|the) .{0,30}newsletter\b/i,
  /\b(?:support|fund) (?:our|independent|quality) journalism\b/i,
  /\bbecome a (?:member|subscriber|patron|supporter)\b/i,
  /\balready a (?:subscriber|member)\?/i,
  /\benjoying this article\?/i,
  /\bget unlimited (?:digital )?access\b/i,
  /\bstart your free trial\b/i
]

/** `Liking what you read? Click here to subscribe.` */
export const subscriptionNag: BlockRule = {
  id: 'subscription-nag',
  reason: 'subscription or newsletter prompt',
  example: '`Liking what you read? Click here to subscribe.`',
  match: (block) => block.words <= 45 && NAGS.some((pattern) => pattern.test(block.text))
}
