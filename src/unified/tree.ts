/**
 * The nlcst tree of a cleaned text, for the retext plugins that come after a
 * rinse plugin. Parsed paragraph by paragraph (retext-english slows down badly
 * on long strings), paragraphs an earlier tree already had are reused, and the
 * positions are those of the cleaned text.
 */
import type {Nodes, Paragraph, Root, RootContent} from 'nlcst'
import {toString} from 'nlcst-to-string'

// Paragraphs are separated by a blank line, as retext-english reads them.
const PARAGRAPH_BREAK = /(\n[ \t]*(?:\n[ \t]*)+)/

export function treeOf(text: string, parse: (text: string) => Root, previous?: Root): Root {
  const known = new Map<string, Paragraph>()
  for (const child of previous?.children ?? []) if (child.type === 'ParagraphNode') known.set(toString(child), child)
  const children: RootContent[] = []
  text.split(PARAGRAPH_BREAK).forEach((piece, index) => {
    if (piece === '') return
    if (index % 2 === 1) {
      children.push({type: 'WhiteSpaceNode', value: piece})
      return
    }
    const reused = known.get(piece)
    if (reused) children.push(structuredClone(reused))
    else children.push(...parse(piece).children)
  })
  const root: Root = {type: 'RootNode', children}
  place(root, {line: 1, column: 1, offset: 0})
  return root
}

interface Cursor {
  line: number
  column: number
  offset: number
}

/** Give every node its position in the text the tree stands for, from its start. */
function place(node: Nodes, cursor: Cursor): void {
  const start = {...cursor}
  if ('value' in node) {
    for (let i = 0; i < node.value.length; i++) {
      if (node.value.charCodeAt(i) === 10) {
        cursor.line++
        cursor.column = 1
      } else cursor.column++
    }
    cursor.offset += node.value.length
  } else {
    for (const child of node.children) place(child, cursor)
  }
  node.position = {start, end: {...cursor}}
}
