import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { ConfigIssue } from '../config.error.js';
import { crossFieldRules, HelixConfig } from '../schema/helix.config.js';
import type { Plain } from './plain.js';

/** Builds the typed config from a tree and collects every issue: each bad field, then each cross-field rule. */
export function validateTree(tree: Plain): { config: HelixConfig; issues: ConfigIssue[] } {
  const config = plainToInstance(HelixConfig, tree, { exposeDefaultValues: true });
  const errors = validateSync(config, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  return { config, issues: [...flatten(errors, ''), ...crossFieldIssues(config)] };
}

const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: 'is not a known field',
  nestedValidation: 'must be a mapping of fields',
};

function flatten(errors: ValidationError[], parent: string): ConfigIssue[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = relevant(error.constraints ?? {}).map(([kind, message]) => ({
      path,
      message: CONSTRAINT_MESSAGES[kind] ?? withoutSubject(message, error.property),
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

const TYPE_CHECKS = new Set(['isInt', 'isNumber', 'isString', 'isBoolean']);

/** A value of the wrong type gets one message ("must be an integer number"), not also every range check. */
function relevant(constraints: Record<string, string>): [string, string][] {
  const all = Object.entries(constraints);
  const typeErrors = all.filter(([kind]) => TYPE_CHECKS.has(kind));
  return typeErrors.length > 0 ? typeErrors : all;
}

const withoutSubject = (message: string, property: string) =>
  message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;

/** A rule whose inputs are themselves broken (a group that is not a mapping) is skipped: those fields are already reported. */
function crossFieldIssues(config: HelixConfig): ConfigIssue[] {
  return crossFieldRules.flatMap((rule) => {
    try {
      return rule(config) ?? [];
    } catch {
      return [];
    }
  });
}
