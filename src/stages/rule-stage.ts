/** Build a stage out of ordered passes of text rules, honouring per-rule switches. */
import type {ConfiguredStage, Pass} from '../engine/stage.js'
import type {ProposedEdit} from '../engine/types.js'
import type {TextRule} from './rule.js'
import {pushAll} from '../engine/arrays.js'
import {testHang, watchAt, watchCode} from '../engine/watch-point.js'

export function ruleStage<Options>(
  name: string,
  passes: ReadonlyArray<ReadonlyArray<TextRule<Options>>>,
  switches: Readonly<Record<string, boolean>>,
  options: Options,
  resolved: unknown
): ConfiguredStage {
  const enabled = passes.map((rules) => rules.filter((rule) => switches[rule.id] !== false)).filter((rules) => rules.length > 0)
  const built: Pass[] = enabled.map((rules) => {
    // Where the watchdog reads which rule a stopped file was in.
    const codes = rules.map((rule) => watchCode(name, rule.id))
    return {
      propose(input) {
        const edits: ProposedEdit[] = []
        for (let k = 0; k < rules.length; k++) {
          watchAt(codes[k]!)
          testHang?.(codes[k]!, input.text)
          pushAll(edits, rules[k]!.propose(input, options))
        }
        return edits
      }
    }
  })
  return {name, source: `rinse-${name}`, passes: built, options: resolved}
}

export function ruleIds(passes: ReadonlyArray<ReadonlyArray<{id: string}>>): string[] {
  return passes.flat().map((rule) => rule.id)
}
