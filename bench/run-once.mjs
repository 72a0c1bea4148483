// One `rinse run` in this process, printing its figures as JSON: used by bench/throughput.mjs.
import {loadPipelineFile, runFolder, DEFAULT_PIPELINE_PATH} from '../dist/index.js'

const [input, out, workers] = process.argv.slice(2)
const t0 = performance.now()
const result = await runFolder({
  input,
  out,
  pipeline: await loadPipelineFile(DEFAULT_PIPELINE_PATH),
  workers: Number(workers),
  force: true,
  html: false
})
console.log(
  JSON.stringify({
    ms: performance.now() - t0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    files: result.report.totals.files,
    bytes: result.report.totals.bytesIn
  })
)
