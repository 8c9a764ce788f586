const DATE_SUFFIX = /-(\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$/;
const TIER = /-(mini|nano|micro|small|medium|large|lite|flash|pro|plus|turbo|haiku|sonnet|opus|instruct|chat|latest|\d+(\.\d+)?[bkm])$/;

/**
 * A model's family: its name without date and size or tier suffixes
 * (`gpt-4o-mini` and `gpt-4o` → `gpt-4o`; `claude-3-5-haiku` and
 * `claude-3-5-sonnet` → `claude-3-5`; `llama-3-8b` → `llama-3`).
 */
export function modelFamily(model: string): string {
  let name = model.toLowerCase().replace(/^.*\//, '').replace(DATE_SUFFIX, '');
  for (let prev = ''; prev !== name; ) {
    prev = name;
    name = name.replace(TIER, '').replace(DATE_SUFFIX, '');
  }
  return name;
}
