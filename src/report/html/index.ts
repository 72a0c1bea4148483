/** The offline HTML review report. */
export {renderReportHtml, type RenderOptions} from './render.js'
export {writeReportHtml, loadOriginals, type WriteOptions} from './write.js'
