import {type BlockRule} from '../block-rule.js'

/** `© Harbour Post 2021 - Privacy`, `All rights reserved.` */
export const copyright: BlockRule = {
  id: 'copyright',
  reason: 'copyright footer',
  example: '`© Harbour Post 2021 - Privacy`',
  match(block) {
    if (block.words > 30) return false
    return /^(?:©|\(c\)\s|copyright\b|\u24b8)/i.test(block.text) || /\ball rights reserved\b/i.test(block.text)
  }
}
