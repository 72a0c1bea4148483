import type {BlockRule} from '../block-rule.js'

const SLIDESHOW_LOADER =
  /^(?:Loading (?:the )?(?:slideshow|gallery|photos|images)|This (?:slideshow|gallery) requires JavaScript|(?:Launch|Start|Play|Open|View) (?:the )?(?:full )?(?:photo |image )?(?:slideshow|gallery))(?:\s*(?:\.\.\.|…|\.|»|→))?$/i

/**
 * `Loading Slideshow...` and the slides under it: a slide's title as a list item,
 * then its caption, up to the first short line that is neither (the page's next
 * widget). Slideshows sit beside or under the article; their captions read like
 * prose, so the classifier alone keeps them.
 */
export const slideshow: BlockRule = {
  id: 'slideshow',
  reason: 'slideshow and its captions',
  example: '`Loading Slideshow...` and the slides that follow',
  match(block, context) {
    if (block.words > 8 || !SLIDESHOW_LOADER.test(block.text)) return false
    const {blocks} = context
    let extend = 0
    let slides = 0
    for (let k = block.index + 1; k < blocks.length; k++) {
      const next = blocks[k]!
      if (next.kind === 'list-item' && next.words <= 20) slides++
      else if (next.words < 8 || slides === 0) break
      extend++
    }
    return {extend}
  }
}
