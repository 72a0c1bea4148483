// One `rinse run` in this process, printing its figures as JSON: used by bench/throughput.mjs.
// CPU seconds cover every thread of the process (the workers too): on a shared machine they
// vary less than wall time, and MB per CPU-second is what more cores would multiply.
import {loadPipelineFile, runFolder, tuneGarbageCollection, DEFAULT_PIPELINE_PATH} from '../dist/index.js'

// As the `rinse` command does.
tuneGarbageCollection()

const [input, out, workers, diffs = 'diffs', html = 'no-html'] = process.argv.slice(2)
const t0 = performance.now()
const cpu0 = process.cpuUsage()
// The first cleaned file marks the end of corpus collection (the passes before the cleaning pass).
let firstCleaned
const result = await runFolder({
  input,
  out,
  pipeline: await loadPipelineFile(DEFAULT_PIPELINE_PATH),
  workers: Number(workers),
  force: true,
  html: html === 'html',
  diffs: diffs !== 'no-diffs',
  onProgress: (progress) => {
    if (progress.phase === 'clean') firstCleaned ??= performance.now()
  }
})
const cpu = process.cpuUsage(cpu0)
console.log(
  JSON.stringify({
    ms: performance.now() - t0,
    collectMs: (firstCleaned ?? t0) - t0,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    files: result.report.totals.files,
    bytes: result.report.totals.bytesIn
  })
)
