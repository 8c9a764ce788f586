export { MAX_PLACEHOLDER_LENGTH, PLACEHOLDER } from './restore/placeholder.js';
export { restoreMap, restoreText, StreamRestorer, type RestoreMap } from './restore/restore.js';
export { ALL_ENTITIES, Entities, type EntityType } from './entities.js';
export type { Finding, Recognizer, RecognizeContext } from './analyzer/finding.js';
export { Analyzer, type AnalyzeOptions, type AnalyzerSettings } from './analyzer/analyzer.js';
export { PatternRecognizer, type Pattern, type Validator } from './analyzer/pattern.recognizer.js';
export { buildAnalyzer, builtInRecognizers, customRecognizer, VALIDATORS } from './recognizers/registry.js';
