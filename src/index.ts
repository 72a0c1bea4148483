/** rinse as a library: the pipeline, its stages as unified plugins, and the building blocks. */
export {
  createPipeline,
  clean,
  DEFAULT_PIPELINE,
  type CleanResult,
  type Document,
  type Pipeline,
  type PipelineData
} from './core/pipeline.js'
export {cleanDocument, type DocumentResult} from './core/clean-document.js'
export {applyEdits, reconstructOriginal, ReconstructError} from './core/apply-edits.js'
export {renderReportHtml, writeReportHtml} from './report/html/index.js'
export {formatEdit} from './report/format-edit.js'
export {writeDiffsFromReport, type DiffsWritten} from './report/write-diffs.js'
export {runFolder, type RunOptions, type RunResult, type Progress} from './core/run-folder.js'
export {tuneGarbageCollection} from './core/tune-gc.js'
export {
  loadPipelineFile,
  parsePipeline,
  withOverlays,
  ConfigError,
  DEFAULT_PIPELINE_PATH,
  type PipelineConfig
} from './config/pipeline-file.js'
export {loadOverlayFile, parseOverlay, parseOverlayText, type Overlay, type OverlayScope} from './review/overlay.js'
export {STAGES} from './config/stages.js'
export type {Edit, FoldedEdit, Conflict, Point, ProposedEdit, StageName} from './core/types.js'
export type {ConfiguredStage, Pass, StageInput, RuleInfo} from './core/stage.js'
export type {
  Report,
  RunReport,
  DocumentReport,
  StoredDocument,
  EditRecord,
  FoldedRecord,
  RuleEntry,
  DocumentSummary,
  Cluster,
  StaleOutputs,
  ReviewSummary,
  StaleEntry
} from './report/schema.js'
export {mapReportDocuments, ReportVersionError} from './report/read-report.js'
export {expandEdits, originalOf, plainEdits, type PlainEdit, type ExpandedDocument} from './report/compact.js'
export {normalize, type NormalizeOptions} from './stages/normalize/index.js'
export {boilerplate, type BoilerplateOptions} from './stages/boilerplate/index.js'
export {repair, type RepairOptions} from './stages/repair/index.js'
export {dedup, type DedupOptions} from './stages/dedup/index.js'
export {rinseNormalize, rinseBoilerplate, rinseRepair, rinseDedup} from './unified/plugins.js'
export {prepareCorpus, type RinseCorpus} from './unified/corpus.js'
export type {RinseData} from './core/pipeline.js'
