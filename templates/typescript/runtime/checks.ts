// Each check returns what is wrong with a value, or undefined; generated validators name the field.

/** Limits of a string. */
export interface StringRules {
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  oneOf?: readonly string[];
}

/** Limits of a number. */
export interface NumberRules {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with a string. */
export function checkString(value: unknown, rules: StringRules = {}): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (rules.minLength !== undefined && value.length < rules.minLength) return `must be at least ${rules.minLength} characters`;
  if (rules.maxLength !== undefined && value.length > rules.maxLength) return `must be at most ${rules.maxLength} characters`;
  if (rules.pattern !== undefined && !rules.pattern.test(value)) return `must match ${rules.pattern.source}`;
  if (rules.oneOf !== undefined && !rules.oneOf.includes(value)) return `must be one of ${rules.oneOf.join(', ')}`;
  return undefined;
}

/** What is wrong with a number. */
export function checkNumber(value: unknown, rules: NumberRules = {}): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a finite number';
  if (rules.integer === true && !Number.isInteger(value)) return 'must be an integer';
  if (rules.min !== undefined && value < rules.min) return `must be at least ${rules.min} (got ${value})`;
  if (rules.max !== undefined && value > rules.max) return `must be at most ${rules.max} (got ${value})`;
  return undefined;
}

/** What is wrong with a boolean. */
export function checkBool(value: unknown): string | undefined {
  return typeof value === 'boolean' ? undefined : 'must be a boolean';
}

/** What is wrong with a Date. */
export function checkDate(value: unknown): string | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? undefined : 'must be a valid Date';
}

/** What is wrong with a list (its elements are checked separately). */
export function checkList(value: unknown, maxItems?: number): string | undefined {
  if (!Array.isArray(value)) return 'must be an array';
  if (maxItems !== undefined && value.length > maxItems) return `must have at most ${maxItems} items`;
  return undefined;
}

/** What is wrong with a map of strings (or of any JSON value when `strings` is false). */
export function checkMap(value: unknown, strings: boolean): string | undefined {
  if (!isRecord(value)) return 'must be an object';
  if (strings) for (const k in value) if (typeof value[k] !== 'string') return `[${k}] must be a string`;
  return undefined;
}
