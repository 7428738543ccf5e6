/**
 * The public surface of the core: the notebook model, parsing, the index, the rules and
 * the builders. Hosts (the extension, the CLI) import from here.
 */
export * from './model/dates';
export { slug, freeId, yamlScalar, clipText } from './model/words';
export { onHold } from './model/notes';
export * from './model/cadence';
export * from './model/types';
export * from './model/actionItems';
export { parseText, parseBytes, fileStem } from './parse/note';
export {
  MAX_NOTE_BYTES,
  NOTE_HEAD_BYTES,
  NotReadError,
  TooLargeError,
  tooLargeReason,
} from './parse/text';
export { readTaskMetadata } from './parse/taskLine';
export { NoteIndex, type Notebook, type IndexChange, type IndexListener } from './index/noteIndex';
export { newestFirst } from './index/sessionTimeline';
export { loadNotebook, loadFile, type NotebookFiles, type LoadOptions } from './index/loader';
export { Pacer, SLICE_MS } from './index/pacer';
export { ParseCache, PARSER_VERSION, type FileStamp } from './index/cache';
export { CODES, RULES, DEFAULT_SEVERITY, type RuleCode, type RuleInfo } from './rules/codes';
export { computeFindings, sameFindings, type RuleOptions } from './rules/findings';
export { FindingsEngine } from './rules/engine';
export { mentorSchedule, mentorName, type MentorSchedule } from './rules/schedule';
export * from './prepare/nextMeeting';
export * from './prepare/listing';
export * from './report/progressReport';
export * from './report/renderReport';
export { renderReportPage, escapeHtml } from './report/reportPage';
export * from './report/calendar';
export { concernsMentor } from './prepare/scope';
export * from './model/recurrence';
export {
  renderSelfAssessment,
  reviewOf,
  selfAssessmentPeriod,
  SELF_ASSESSMENT_CHECKLIST,
} from './prepare/selfAssessment';
