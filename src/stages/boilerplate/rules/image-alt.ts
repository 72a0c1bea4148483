import type {BlockRule} from '../block-rule.js'

/** The line is one phrase of two or more words written twice, with or without a space between. */
function isDoubled(text: string): boolean {
  const n = text.length
  if (n < 24) return false
  const half = n >> 1
  const first = text.slice(0, half)
  const second = n % 2 === 0 ? text.slice(half) : text[half] === ' ' ? text.slice(half + 1) : undefined
  return second !== undefined && first === second && first.includes(' ')
}

/** `Harbour at dawn Harbour at dawn`: an image's alt and title text, printed one after the other. */
export const imageAlt: BlockRule = {
  id: 'image-alt',
  reason: 'image text printed twice (alt and title)',
  example: '`Harbour at dawn Harbour at dawn`',
  match: (block) => block.words <= 60 && isDoubled(block.text)
}
