/** A text cut into paragraphs at its blank lines, as retext-english reads paragraphs. */

export interface ParagraphPiece {
  text: string
  /** Offset of the piece in the text. */
  start: number
  /** The blank lines between two paragraphs, rather than a paragraph. */
  isBreak: boolean
}

const PARAGRAPH_BREAK = /(\n[ \t]*(?:\n[ \t]*)+)/

/** The paragraphs and the breaks between them, in order; together they are the whole text. */
export function paragraphPieces(text: string): ParagraphPiece[] {
  const pieces: ParagraphPiece[] = []
  let start = 0
  text.split(PARAGRAPH_BREAK).forEach((piece, index) => {
    if (piece !== '') pieces.push({text: piece, start, isBreak: index % 2 === 1})
    start += piece.length
  })
  return pieces
}
