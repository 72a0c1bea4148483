/**
 * repair: mend sentences that scraping or machine translation broke, without
 * changing what they say. Every repair inserts or removes spaces and
 * punctuation only; words are never replaced.
 */
import type {ConfiguredStage} from '../../core/stage.js'
import type {TextRule} from '../rule.js'
import {ruleStage} from '../rule-stage.js'
import {gluedFullStop} from './rules/glued-full-stop.js'
import {gluedWords, type GluedWordsOptions} from './rules/glued-words.js'
import {bracketSpacing, doubledDash, doubledPunctuation, spaceBeforePunctuation} from './rules/punctuation.js'

export interface RepairOptions {
  rules?: Record<string, boolean>
  /** Camel-case words that are real (brands, names) and must not be split. */
  allow?: string[]
}

export const REPAIR_PASSES: ReadonlyArray<ReadonlyArray<TextRule<GluedWordsOptions>>> = [
  // Removals first, so the insertions that follow see settled punctuation.
  [doubledPunctuation, doubledDash, spaceBeforePunctuation],
  // The missing space after a sentence end first: glued-words leaves `WordWord.Next` alone
  // (it may be a domain) but splits `WordWord. Next`, as it would on a re-run.
  [gluedFullStop],
  [gluedWords, bracketSpacing]
]

export function repair(options: RepairOptions = {}): ConfiguredStage {
  const allow = options.allow ?? []
  return ruleStage('repair', REPAIR_PASSES, options.rules ?? {}, {allow}, {rules: options.rules ?? {}, allow})
}
