/**
 * What the `rinse` command sets up in V8 before a run, for programs that run
 * large batches through the library.
 *
 * A page's line statistics and word hashes live through a few rounds of one
 * document, long enough for V8 to allocate them straight into the old generation,
 * which they then fill with garbage; pretenuring off keeps them young.
 *
 * After each full collection V8 lets the heap grow to up to four times what
 * survived before it collects again. The main thread of a long run keeps a few
 * hundred megabytes alive (the corpus indexes, a summary per file) and then makes
 * garbage in bursts (building the indexes, streaming report.json, reading it back
 * for report.html), so at 80,000 documents its heap reached 1.27 GB (the process
 * 1.7 GB) before a full collection brought it back to about 400 MB. Growing by half
 * keeps it near what is alive, for about 1 % more CPU (see docs/performance.md).
 *
 * V8 flags are process-wide: worker threads started later have them too.
 */
import {setFlagsFromString} from 'node:v8'

export function tuneGarbageCollection(): void {
  setFlagsFromString('--no-allocation-site-pretenuring')
  setFlagsFromString('--heap-growing-percent=50')
}
