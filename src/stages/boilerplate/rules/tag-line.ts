import {inTail, type BlockRule} from '../block-rule.js'

const NAME_TOKEN = /^(?:[\p{Lu}][\p{L}'’.-]*|de|van|von|la|le|da|di|del|bin|al)$/u

/** `Maria Lindqvist Tomas Berg Gothenburg` or `Tags: a, b`: the page's topic tags. */
export const tagLine: BlockRule = {
  id: 'tag-line',
  reason: 'topic tags',
  example: '`Maria Lindqvist Tomas Berg Gothenburg`',
  needsContext: true,
  match(block, context) {
    if (/^(?:Tags?|Topics?|Filed under|Categories|Category|Keywords|Tagged(?: with)?)\s*:/i.test(block.text) && block.words <= 40)
      return true
    if (!inTail(block, context) || block.words < 3 || block.words > 15) return false
    if (/[.!?,;:"“”()]/.test(block.text)) return false
    return block.text.split(/\s+/).every((token) => NAME_TOKEN.test(token))
  }
}
