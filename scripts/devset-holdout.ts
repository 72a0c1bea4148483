/**
 * Development tool (needs ../shared/devset): the whole default pipeline on pages
 * its classifier never saw. Five folds by page over both parts: for each fold the
 * classifier is retrained on the other four, then the default pipeline (every
 * rule, the corpus stages, repair and dedup; only the classifier's model is
 * swapped) cleans the fold's pages; all outputs are scored with score.py.
 *
 *   npm run devset:holdout
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parsePipeline} from '../src/config/pipeline-file.js'
import {createPipeline, DEFAULT_PIPELINE} from '../src/core/pipeline.js'
import {DEVSET, labelPage, loadPart, PARTS, train} from './train-classifier.js'

const FOLDS = 5

async function main(): Promise<void> {
  // The built-in default, which a test keeps equal to pipelines/default.yaml.
  const config = parsePipeline(DEFAULT_PIPELINE)
  const pages = PARTS.flatMap((part) => loadPart(part)).map(labelPage)
  const out = mkdtempSync(join(tmpdir(), 'rinse-holdout-'))
  for (const part of PARTS) mkdirSync(join(out, part))
  const raw = (part: string, name: string): string => readFileSync(join(DEVSET, part, `${name}.raw.txt`), 'utf8')
  for (let fold = 0; fold < FOLDS; fold++) {
    const t0 = performance.now()
    const model = train(pages.filter((_, i) => i % FOLDS !== fold))
    // The parsed config with the fold's model in the classifier options (code only, not a pipeline-file key).
    const stages = config.stages.map((entry) => {
      if (entry.stage !== 'boilerplate') return entry
      const options = entry.options as {classifier?: Record<string, unknown> | false}
      return options.classifier === false ? entry : {...entry, options: {...options, classifier: {...options.classifier, model}}}
    })
    const pipeline = createPipeline({...config, stages})
    for (const part of PARTS) {
      // Corpus stages see the whole part, as a batch run would: they are not trained.
      const documents = pages
        .filter((page) => page.part === part)
        .map((page) => ({path: `${page.name}.raw.txt`, text: raw(part, page.name)}))
      await pipeline.prepare(() => documents)
      for (const [i, page] of pages.entries()) {
        if (i % FOLDS !== fold || page.part !== part) continue
        const path = `${page.name}.raw.txt`
        const dropped = pipeline.stages.some((stage) => stage.corpus?.drop?.(path))
        writeFileSync(join(out, part, `${page.name}.txt`), dropped ? '' : pipeline.clean(raw(part, page.name), path).text)
      }
    }
    console.log(`fold ${fold + 1}/${FOLDS}: trained and cleaned in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  }
  for (const part of PARTS) {
    const scores = execFileSync('python3', [join(DEVSET, 'score.py'), join(out, part), join(DEVSET, part)], {encoding: 'utf8'})
    console.log(
      `== ${part}, held out (${FOLDS}-fold by page), default pipeline\n${scores
        .split('\n')
        .filter((line) => /token/i.test(line))
        .join('\n')}`
    )
  }
}

void main()
