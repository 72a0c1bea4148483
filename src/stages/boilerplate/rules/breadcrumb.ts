import {type BlockRule} from '../block-rule.js'

/** `Home News Some title...`, `Home > World > Asia`: a path of links ending at the page. */
export const breadcrumb: BlockRule = {
  id: 'breadcrumb',
  reason: 'breadcrumb navigation',
  example: '`Home News Council backs tram depot plan after...`',
  match(block) {
    if (block.words > 30) return false
    const text = block.text
    if (/^You are here\s*:/i.test(text)) return true
    if (!/^(?:Home|Homepage|Start|Front page)\b/i.test(text)) return false
    return /\s[›»>/|»→]\s|\s[›»>→]\S|(?:\.\.\.|…)$/.test(text)
  }
}
