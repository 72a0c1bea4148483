import {describe, expect, it} from 'vitest'
import {parsePipeline} from '../../src/index.js'
import {siteResolver} from '../../src/io/site.js'

describe('sites', () => {
  it('are the first folder under IN by default, none at the top', () => {
    const site = siteResolver()
    expect(site('site-b/news/page.txt')).toBe('site-b')
    expect(site('page.txt')).toBe('')
  })

  it("are a pipeline's `site` pattern's first group (or whole match) when it has one", () => {
    expect(siteResolver('^crawl/([^/]+)/')('crawl/example.com/a/b.txt')).toBe('example.com')
    expect(siteResolver('^[^/]+\\.org')('wiki.org/page.txt')).toBe('wiki.org')
    expect(siteResolver('^crawl/([^/]+)/')('other/page.txt')).toBe('')
  })

  it('are part of the pipeline and its hash', () => {
    const plain = parsePipeline({stages: ['normalize']})
    const sited = parsePipeline({stages: ['normalize'], site: '^crawl/([^/]+)/'})
    expect(sited.site).toBe('^crawl/([^/]+)/')
    expect(plain.site).toBeUndefined()
    expect(sited.hash).not.toBe(plain.hash)
  })
})
