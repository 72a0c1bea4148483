/**
 * The vocabulary shared by every stage: a stage looks at the current text of a
 * document and proposes edits; the runner applies them and maps them back to
 * positions in the original input.
 */

/** The names of rinse's built-in stages, in their usual order. */
export type StageName = 'normalize' | 'boilerplate' | 'repair' | 'dedup' | (string & {})

/** A change a stage wants to make, in offsets of the text the stage was given. */
export interface ProposedEdit {
  /** Offset of the first character to replace (UTF-16 code units, like String.slice). */
  start: number
  /** Offset just after the last character to replace. `start === end` inserts. */
  end: number
  /** Replacement text; `''` deletes. */
  replacement: string
  /** Rule id, kebab-case: `comment-form`, `glued-full-stop`. */
  rule: string
  /** Why, for a person reading the report: `comment form prompt`. */
  reason: string
  /** Extra evidence for reviewers (classifier features, the kept copy...). */
  detail?: Record<string, unknown>
}

/** A position in the original input: 1-based line and column, 0-based offset. */
export interface Point {
  line: number
  column: number
  offset: number
}

/** An applied edit as it appears in the report: positions are in the ORIGINAL input. */
export interface Edit {
  stage: StageName
  rule: string
  reason: string
  /** The original text this edit replaced. */
  before: string
  /** What that original text became. */
  after: string
  start: Point
  end: Point
  detail?: Record<string, unknown>
  /**
   * Edits of earlier stages inside this edit's range. They were applied first and
   * are folded in here so that the top-level edits never overlap and, applied to
   * the input, give the output exactly.
   */
  folded?: FoldedEdit[]
}

/** An earlier edit that a later one covered. */
export interface FoldedEdit {
  stage: StageName
  rule: string
  reason: string
  before: string
  after: string
  /**
   * Where it starts in the original (UTF-16 offset), inside the range of the edit
   * that folded it. Read from a report.json of version 4 or earlier, which did not
   * store it: the first place in that edit's `before` that holds this `before`.
   */
  offset: number
}

/** Two edits of one stage that overlapped: the winner was applied, the loser was not. */
export interface Conflict {
  stage: StageName
  kept: {rule: string; start: number; end: number}
  dropped: {rule: string; start: number; end: number; reason: string}
  /** Why the winner won. */
  resolution: string
}

export interface ClusterMember {
  path: string
  /** Estimated Jaccard similarity with the kept copy (1 for the kept copy and exact copies). */
  similarity: number
  /** Estimated containment of the smaller of (member, kept) in the other. */
  containment: number
}

/** A group of duplicates: which copy was kept and why. Members include the kept copy, first. */
export interface Cluster {
  id: string
  kind: 'document' | 'passage'
  kept: {path: string; reason: string}
  members: ClusterMember[]
}
