import {type BlockRule} from '../block-rule.js'

/** `[Search]`, `Password: [    ]`, `[image]`: form controls and placeholders as w3m prints them. */
export const formWidget: BlockRule = {
  id: 'form-widget',
  reason: 'form control or image placeholder',
  example: '`[Search]`',
  match(block) {
    const text = block.text
    if (/^(?:\[[^\]\n]{0,40}\]\s*)+$/.test(text) && block.words <= 6) return true
    if (/\[\s{2,}\]|\[_+\]/.test(text) && block.words <= 8) return true
    return /^(?:Search|Password|User ?name|E-?mail(?: address)?|Name|Login)\s*:?\s*\[/i.test(text)
  }
}
