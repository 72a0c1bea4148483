/**
 * A document's site: the first folder of its path under IN (`site-b/page.txt` is
 * on `site-b`), or, with a `site` pattern in the pipeline file, the pattern's
 * first group (or its whole match) in the path. '' when there is none.
 */

export function siteOf(path: string): string {
  const slash = path.indexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

export function siteResolver(pattern?: string): (path: string) => string {
  if (pattern === undefined) return siteOf
  const regex = new RegExp(pattern, 'u')
  return (path) => {
    const match = regex.exec(path)
    return match ? (match[1] ?? match[0]) : ''
  }
}

const resolvers = new Map<string | undefined, (path: string) => string>()

/** The site of a document under a pipeline's `site` pattern (or the first folder), the pattern compiled once. */
export function documentSite(pattern: string | undefined, path: string): string {
  let resolve = resolvers.get(pattern)
  if (!resolve) resolvers.set(pattern, (resolve = siteResolver(pattern)))
  return resolve(path)
}
