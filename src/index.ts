/** rinse as a library: the pipeline, its stages as unified plugins, and the building blocks. */
export {
  createPipeline,
  clean,
  DEFAULT_PIPELINE,
  type CleanResult,
  type Document,
  type Pipeline,
  type PipelineData
} from './library/pipeline.js'
export {cleanDocument, type DocumentResult} from './engine/clean-document.js'
export {applyEdits, reconstructOriginal} from './engine/apply-edits.js'
export {renderReportHtml, writeReportHtml} from './report/html/index.js'
export {formatEdit} from './report/format-edit.js'
export {writeDiffsFromReport, type DiffsWritten} from './report/write-diffs.js'
export {runFolder} from './run/run-folder.js'
export {type RunOptions, type RunResult, type Progress} from './run/batch.js'
export {tuneGarbageCollection} from './run/tune-gc.js'
export {loadPipelineFile, parsePipeline, withOverlays, DEFAULT_PIPELINE_PATH, type PipelineConfig} from './config/pipeline-file.js'
export {loadOverlayFile, parseOverlay, parseOverlayText, type Overlay, type OverlayScope} from './config/review/overlay.js'
export {STAGES} from './config/stages.js'
export type {Edit, FoldedEdit, Conflict, Point, ProposedEdit, StageName} from './engine/types.js'
export type {ConfiguredStage, Pass, StageInput, RuleInfo} from './engine/stage.js'
export type {
  Report,
  RunReport,
  DocumentReport,
  StoredDocument,
  ReportEntry,
  StoredEdit,
  StoredFoldedEdit,
  StoredEditV4,
  StoredFoldedEditV4,
  StoredPoint,
  EditRecord,
  FoldedRecord,
  RuleEntry,
  DocumentSummary,
  Cluster,
  StaleOutputs,
  ReviewSummary,
  StaleEntry
} from './report/schema.js'
export {mapReportDocuments} from './report/read-report.js'
export {ConfigError, InputError, ReconstructError, ReportVersionError, UsageError, WriteError} from './errors.js'
export {expandEdits, originalOf, placedEdits, plainEdits, type PlainEdit, type ExpandedDocument} from './report/compact.js'
export {normalize, type NormalizeOptions} from './stages/normalize/index.js'
export {boilerplate, type BoilerplateOptions} from './stages/boilerplate/index.js'
export {repair, type RepairOptions} from './stages/repair/index.js'
export {dedup, type DedupOptions} from './stages/dedup/index.js'
export {rinseNormalize, rinseBoilerplate, rinseRepair, rinseDedup} from './unified/plugins.js'
export {prepareCorpus, type RinseCorpus} from './unified/corpus.js'
export type {RinseData} from './library/pipeline.js'
