/**
 * The nlcst tree of a cleaned text, for the retext plugins that come after a
 * rinse plugin. Parsed paragraph by paragraph (retext-english slows down badly
 * on long strings), paragraphs an earlier tree already had are reused, and the
 * positions are those of the cleaned text.
 */
import type {Nodes, Paragraph, Root, RootContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {paragraphPieces} from '../blocks/paragraphs.js'
import {pushAll} from '../engine/arrays.js'

export function treeOf(text: string, parse: (text: string) => Root, previous?: Root): Root {
  const known = new Map<string, Paragraph>()
  for (const child of previous?.children ?? []) if (child.type === 'ParagraphNode') known.set(toString(child), child)
  const children: RootContent[] = []
  for (const piece of paragraphPieces(text)) {
    if (piece.isBreak) children.push({type: 'WhiteSpaceNode', value: piece.text})
    else {
      const reused = known.get(piece.text)
      if (reused) children.push(structuredClone(reused))
      else pushAll(children, parse(piece.text).children)
    }
  }
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
