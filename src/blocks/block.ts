/** A block: one non-blank line of a document once paragraphs are joined, with its place in the text. */
export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'caption'

export interface Block {
  /** Position among the document's blocks. */
  index: number
  /** Offsets of the line's text in the current document text (no newline). */
  start: number
  end: number
  text: string
  kind: BlockKind
  /** Number of word tokens. */
  words: number
  /** A blank line precedes this block (or it is the first). */
  blankBefore: boolean
}
