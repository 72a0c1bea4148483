/**
 * What the `rinse` command sets up in V8 before a run, for programs that run
 * large batches through the library.
 *
 * V8 moves objects from allocation sites whose objects often outlive a young
 * collection straight into the old generation. A page's line statistics and
 * word hashes live through a few rounds of one document, often enough for that,
 * and then filled the old generation with garbage: without it, corpus
 * collection (the costliest pass of a run) spent 15-20 % less CPU in our
 * measurements. V8 flags are process-wide: worker threads started later have it
 * too, and so does everything else in the process.
 */
import {setFlagsFromString} from 'node:v8'

export function tuneGarbageCollection(): void {
  setFlagsFromString('--no-allocation-site-pretenuring')
}
