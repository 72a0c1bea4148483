import {type BlockRule} from '../block-rule.js'

const ARCHIVE = /^All (?:news|articles|posts|stories)\b.{0,40}\bon\b.{0,20}\d/i
const CATEGORY_STAMP = /^[\p{L} /&|,-]{0,40}\s?\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u

/** `All news articles on 2024-05-01`, `News/Business 2024-05-02T10:11:12.345Z`. */
export const archiveLine: BlockRule = {
  id: 'archive-line',
  reason: 'archive link or category time stamp',
  example: '`News/Business 2024-05-02T10:11:12.345Z`',
  match(block) {
    if (block.words > 12) return false
    if (ARCHIVE.test(block.text)) return true
    // A category with an ISO date; a bare date line is a dateline and stays.
    return (
      CATEGORY_STAMP.test(block.text) &&
      /[\p{L}]/u.test(block.text.replace(/\d{4}-\d{2}-\d{2}T?/, '')) &&
      /\d{4}-\d{2}-\d{2}/.test(block.text) &&
      (/T\d{2}:/.test(block.text) || /[/|]/.test(block.text))
    )
  }
}
