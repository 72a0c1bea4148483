/** Which documents a scope of an overlay covers: a site (see site.ts) or a path glob. */
import type {OverlayScope} from './overlay.js'

/** How a scope reads in reasons and listings: `site-b/` or `news/**`. */
export function scopeLabel(scope: Pick<OverlayScope, 'site' | 'path'>): string {
  return scope.site !== undefined ? `${scope.site}/` : scope.path!
}

/**
 * A test for documents: on the scope's site (`site`, when the runner knows the
 * document's, else `siteOf` its path), or a path matching its glob (`*` within a
 * folder, `**` across, `?` one character).
 */
export function scopeMatcher(
  scope: Pick<OverlayScope, 'site' | 'path'>,
  siteOf: (path: string) => string
): (path: string, site?: string) => boolean {
  if (scope.site !== undefined) {
    const wanted = scope.site
    return (path, site) => (site ?? siteOf(path)) === wanted
  }
  const pattern = globPattern(scope.path!)
  return (path) => pattern.test(path)
}

function globPattern(glob: string): RegExp {
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!
    if (char === '*' && glob[i + 1] === '*') {
      // `**/` is any number of folders, none included; `**` at the end, anything.
      if (glob[i + 2] === '/') {
        source += '(?:.*/)?'
        i += 2
      } else {
        source += '.*'
        i += 1
      }
    } else if (char === '*') source += '[^/]*'
    else if (char === '?') source += '[^/]'
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}
