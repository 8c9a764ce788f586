/** A placeholder the `replace` operator writes: `<PERSON_1>`, `<EMAIL_ADDRESS_12>`. */
export const PLACEHOLDER = /<[A-Z][A-Z0-9_]*_\d+>/g;

/** The longest placeholder worth holding back for on a stream. */
export const MAX_PLACEHOLDER_LENGTH = 64;

/** `text` could still become a placeholder with more characters after it. */
export function couldStartPlaceholder(text: string): boolean {
  return text.length < MAX_PLACEHOLDER_LENGTH && /^<(?:[A-Z][A-Z0-9_]*)?$/.test(text);
}
