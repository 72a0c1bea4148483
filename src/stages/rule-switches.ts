/** The `rules` option every rule stage takes: a rule id switched on (true) or off (false). */
import {z} from 'zod'

/** Any id here; the stage catalog (config/stages.ts) narrows it to the stage's own rule ids. */
export const ruleSwitches = z.record(z.string(), z.boolean()).optional()

/** The switches for exactly these rule ids, so a misspelt id in a pipeline file is an error. */
export function ruleSwitchesFor(ids: readonly string[]) {
  return z.partialRecord(z.enum(ids as [string, ...string[]]), z.boolean()).optional()
}
