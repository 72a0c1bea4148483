/**
 * Where a thread is in the pipeline (`stage` or `stage/rule`), for the watchdog:
 * each place that runs rules writes a number into a shared slot, which the main
 * thread reads while the worker is blocked, so a file stopped over its budget is
 * reported with the rule that was running. The number is a hash of the label,
 * the same in every thread whatever order it built its stages in; each thread
 * remembers the labels it hashed (the main thread builds the same pipeline), to
 * read a number back. Without a slot (in process) marking costs one test.
 */
import {hashString} from '../blocks/words.js'

/** Nothing marked yet (before the first stage, reading the file, writing outputs). */
export const NOWHERE = -1

const labels = new Map<number, string>()
const codes = new Map<string, number>()
let slot: Float64Array | undefined
let place = 0

/** The number of a place: hashed on a label's first use, a map lookup after (rule loops look theirs up where stages are built). */
export function watchCode(stage: string, rule?: string): number {
  const label = rule === undefined ? stage : `${stage}/${rule}`
  let code = codes.get(label)
  if (code === undefined) {
    code = hashString(label)
    codes.set(label, code)
    labels.set(code, label)
  }
  return code
}

/** The label of a number written by any thread, if this thread knows it. */
export function watchLabel(code: number): string | undefined {
  return code === NOWHERE ? undefined : labels.get(code)
}

/** Mark places into `slot[index]` from now on (a worker, for its watchdog); undefined stops marking. */
export function watchInto(buffer: Float64Array | undefined, index = 0): void {
  slot = buffer
  place = index
  if (slot) slot[place] = NOWHERE
}

/** The thread is now in this place. */
export function watchAt(code: number): void {
  if (slot) slot[place] = code
}

/**
 * Tests only: `RINSE_TEST_HANG=MARKER` blocks the thread in the first rule that
 * sees a text holding MARKER, as a runaway rule would; `MARKER@stage/rule` in
 * that rule alone. Read once per thread; undefined (no cost) otherwise.
 */
export const testHang = hangFrom(process.env.RINSE_TEST_HANG)

function hangFrom(value: string | undefined): ((code: number, text: string) => void) | undefined {
  if (!value) return undefined
  const [marker, where] = value.split('@') as [string, string | undefined]
  return (code, text) => {
    if (text.includes(marker) && (where === undefined || watchLabel(code) === where)) for (;;);
  }
}
