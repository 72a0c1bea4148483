/**
 * Remove HTML tags and tag fragments that leaked into text: whole tags of known
 * HTML elements (`<br>`, `</p>`, `<div class="x">`), comments, and the tail of
 * a tag cut off by the scraper at the start of a line (`p class=”ad”>`).
 * Angle brackets in prose (`a < b`, `<3`) are left alone.
 */
import {deleteBlocks} from '../../delete-blocks.js'
import type {ProposedEdit} from '../../../engine/types.js'
import {editsForMatches, type TextRule} from '../../rule.js'

const ELEMENTS =
  'a|abbr|article|aside|audio|b|blockquote|body|br|button|center|cite|code|dd|div|dl|dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|del|label|li|link|main|meta|nav|noscript|ol|option|p|path|picture|pre|s|script|section|select|small|source|span|strong|style|sub|sup|svg|table|tbody|td|textarea|tfoot|th|thead|time|tr|u|ul|video'
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'cite',
  'code',
  'em',
  'font',
  'i',
  'ins',
  'del',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u'
])

const TAG = new RegExp(`<(/?)(${ELEMENTS})\\b(?:\\s[^<>]*)?/?>`, 'gi')
const COMMENT = /<!--[\s\S]*?-->/g
// `p class=”td-ad-inline”>` at a line start: an element name, attributes with quoted values, `>`.
const FRAGMENT = new RegExp(`^(?:(?:${ELEMENTS})\\s+)?(?:[a-z][\\w-]*=["“”'][^"“”'\\n]*["“”']\\s*)+/?>`, 'gim')

export const htmlTag: TextRule = {
  id: 'html-tag',
  reason: 'HTML tag or tag fragment left in text',
  example: '`p class=”ad”>Text` → `Text`',
  propose(input) {
    if (!input.text.includes('>')) return []
    const edits: ProposedEdit[] = [
      ...editsForMatches(input.text, COMMENT, htmlTag, () => ''),
      // Block-level tags separated words; inline ones did not.
      ...editsForMatches(input.text, TAG, htmlTag, (match) => (INLINE.has(match[2]!.toLowerCase()) ? '' : ' ')),
      ...editsForMatches(input.text, FRAGMENT, htmlTag, () => '')
    ].sort((a, b) => a.start - b.start)
    if (edits.length === 0) return edits
    // A line made of nothing but markup goes whole, with the blank line it leaves.
    const blocks = input.blocks()
    const wholeLines = blocks.filter((block) => {
      const inside = edits.filter((edit) => edit.start >= block.start && edit.end <= block.end)
      const covered = inside.reduce((sum, edit) => sum + edit.end - edit.start, 0)
      return inside.length > 0 && block.text.length - covered === countSpaces(block.text, inside, block.start)
    })
    if (wholeLines.length === 0) return edits
    const lineEdits = deleteBlocks(
      input.text,
      blocks,
      wholeLines.map((block) => ({block, rule: htmlTag.id, reason: 'line of HTML markup only'}))
    )
    const inWholeLine = (edit: ProposedEdit): boolean => wholeLines.some((block) => edit.start >= block.start && edit.end <= block.end)
    return [...edits.filter((edit) => !inWholeLine(edit)), ...lineEdits].sort((a, b) => a.start - b.start)
  }
}

/** Characters of a block outside the given edits that are whitespace. */
function countSpaces(text: string, edits: readonly ProposedEdit[], offset: number): number {
  let count = 0
  let position = 0
  for (const edit of edits) {
    count += text.slice(position, edit.start - offset).replace(/\S/g, '').length
    position = edit.end - offset
  }
  return count + text.slice(position).replace(/\S/g, '').length
}
