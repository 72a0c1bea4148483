/**
 * Load a retext plugin by package name, synchronously (Node 20.19 requires ES
 * modules), from the user's project first and then from rinse's own packages.
 */
import {createRequire} from 'node:module'
import {join} from 'node:path'
import type {Plugin} from 'unified'

export function loadRetextPlugin(name: string): Plugin<[unknown?]> {
  const places = [join(process.cwd(), 'package.json'), import.meta.url]
  let lastError: unknown
  for (const place of places) {
    try {
      const loaded = createRequire(place)(name) as {default?: unknown}
      const plugin = typeof loaded === 'function' ? loaded : loaded.default
      if (typeof plugin !== 'function') throw new Error('its default export is not a unified plugin')
      return plugin as Plugin<[unknown?]>
    } catch (error) {
      lastError = error
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') break
    }
  }
  const problem = (lastError as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' ? 'not installed' : (lastError as Error).message
  throw new Error(`cannot load the retext plugin \`${name}\`: ${problem} (install it next to rinse: npm install ${name})`)
}
