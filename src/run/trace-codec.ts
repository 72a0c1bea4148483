/**
 * A trace as the spool stores it between corpus collection and the final pass:
 * each `[rule, reason]` written once, each edit four values in one flat list
 * per pass, and no `detail`. Details (a classifier removal's features and
 * explanation, an encoding fix's plan) are for the library's `clean()` and
 * `rinse explain`; a batch's report does not store them, so the edits of a
 * replayed trace come back without them. On real pages the details were half
 * of the spool, and every edit spelled out its rule and reason again.
 */
import type {Trace} from '../engine/clean-document.js'
import type {ProposedEdit} from '../engine/types.js'
import {Interner} from '../report/interner.js'

/** The stored form: `passes[k]` holds `start, end, rule, replacement` for each edit of pass k. */
interface StoredTrace extends Omit<Trace, 'passes'> {
  rules: Array<[rule: string, reason: string]>
  passes: Array<Array<number | string>>
}

export function encodeTrace(trace: Trace): string {
  const rules = new Interner<[rule: string, reason: string]>(([rule, reason]) => `${rule}\u0000${reason}`)
  const passes = trace.passes.map((edits) => {
    const flat: Array<number | string> = []
    for (const edit of edits) flat.push(edit.start, edit.end, rules.get([edit.rule, edit.reason]), edit.replacement)
    return flat
  })
  const stored: StoredTrace = {...trace, rules: rules.values, passes}
  return JSON.stringify(stored)
}

export function decodeTrace(json: string): Trace {
  const {rules, passes, ...rest} = JSON.parse(json) as StoredTrace
  return {
    ...rest,
    passes: passes.map((flat) => {
      const edits: ProposedEdit[] = []
      for (let k = 0; k < flat.length; k += 4) {
        const [rule, reason] = rules[flat[k + 2] as number]!
        edits.push({start: flat[k] as number, end: flat[k + 1] as number, replacement: flat[k + 3] as string, rule, reason})
      }
      return edits
    })
  }
}
