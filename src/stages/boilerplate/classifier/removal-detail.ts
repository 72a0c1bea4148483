/**
 * What a classifier removal tells a reviewer besides its short reason: the
 * explanation in words and the leading features, worked out on first read.
 * `clean()` and `rinse explain` read them; a batch's report does not store
 * them, so a batch run never builds the strings and feature records.
 */
import type {BlockDecision} from './types.js'

/** Stage-1 features a removal lists: the line's own shape. */
const LISTED_FEATURES = 12

export class RemovalDetail {
  // An edit's detail is a record of values: the fields below and the getters read like one.
  [field: string]: unknown
  readonly label: string
  readonly score: number
  readonly structure?: string
  readonly #decision: BlockDecision
  #features: Record<string, number> | undefined

  constructor(decision: BlockDecision) {
    this.label = decision.label
    this.score = round(decision.score)
    if (decision.structure) this.structure = decision.structure
    this.#decision = decision
  }

  get explanation(): string {
    return `${this.#decision.reason} (content probability ${this.#decision.score.toFixed(2)})`
  }

  get features(): Record<string, number> {
    return (this.#features ??= rounded(this.#decision.leadingFeatures(LISTED_FEATURES)))
  }

  /** The record as it always read: explanation, label, score, structure when there is one, features. */
  toJSON(): Record<string, unknown> {
    return {
      explanation: this.explanation,
      label: this.label,
      score: this.score,
      ...(this.structure ? {structure: this.structure} : {}),
      features: this.features
    }
  }
}

function rounded(features: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(features).map(([name, value]) => [name, round(value)]))
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
