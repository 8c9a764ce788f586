export { MAX_PLACEHOLDER_LENGTH, PLACEHOLDER } from './restore/placeholder.js';
export { restoreMap, restoreText, StreamRestorer, type RestoreMap } from './restore/restore.js';
