import {type BlockRule} from '../block-rule.js'

const SHARE_WORDS = new Set(
  'share shares sharing tweet email e-mail print facebook twitter x linkedin pinterest reddit whatsapp telegram copy link links comment comments save flipboard messenger pocket tumblr mail sms on this article story the via to with friends url'.split(
    ' '
  )
)
const NETWORK = /\b(?:share|tweet|facebook|twitter|linkedin|pinterest|reddit|whatsapp|telegram|flipboard|email)\b/i

/** `Share on Facebook Twitter Email Print`: a row of share buttons. */
export const shareBar: BlockRule = {
  id: 'share-bar',
  reason: 'share buttons',
  example: '`Share this: Facebook Twitter Email`',
  match(block) {
    if (block.words > 12 || !NETWORK.test(block.text)) return false
    const tokens = block.text.toLowerCase().match(/[\p{L}-]+/gu) ?? []
    return tokens.length > 0 && tokens.every((token) => SHARE_WORDS.has(token))
  }
}
