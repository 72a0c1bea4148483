import type {BlockRule} from '../block-rule.js'

const CAPTION_LABEL = /^(?:PHOTO|Photo|IMAGE|Image|PICTURE|Picture|Pictured|CAPTION|Caption)\s*:\s+\S/u
const CREDIT_END =
  /(?:\((?:Copyright|Photo|Image|Credit|Picture|Photograph|Courtesy)s?\s*:\s*[^()]{1,60}\)|\b(?:Photo|Image|Credit)s?\s*:\s*[\p{L}\d.&' -]{1,40}\s?\/\s?[\p{L}\d.&' -]{1,40})$/u

/** `PHOTO: Officials at the site on Monday.`, `A crowd outside (Credit: Jane Doe/AP)`: a photo caption. */
export const photoCaption: BlockRule = {
  id: 'photo-caption',
  reason: 'photo caption',
  example: '`The bridge at dawn (Photo: Jane Doe/AP)`',
  match(block) {
    if (block.words > 60) return false
    return CAPTION_LABEL.test(block.text) || CREDIT_END.test(block.text)
  }
}
