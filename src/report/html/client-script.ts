/**
 * The page's script: client/ bundled by the build into client.js beside this
 * module (scripts/bundle-client.mjs). Tests that import the TypeScript sources
 * use the built bundle, as they use the built worker.
 */
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

let script: string | undefined

export function clientScript(): string {
  if (script !== undefined) return script
  const here = fileURLToPath(new URL('./client.js', import.meta.url))
  const file = existsSync(here) ? here : fileURLToPath(new URL('../../../dist/report/html/client.js', import.meta.url))
  script = readFileSync(file, 'utf8')
  return script
}
