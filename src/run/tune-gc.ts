/**
 * What the `rinse` command sets up in V8 before a run, for programs that run
 * large batches through the library.
 *
 * A page's line statistics and word hashes live through a few rounds of one
 * document, long enough for V8 to allocate them straight into the old generation,
 * which they then fill with garbage; pretenuring off keeps them young. V8 flags
 * are process-wide: worker threads started later have it too.
 */
import {setFlagsFromString} from 'node:v8'

export function tuneGarbageCollection(): void {
  setFlagsFromString('--no-allocation-site-pretenuring')
}
