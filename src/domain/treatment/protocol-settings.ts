// A service's own values for a protocol's settings: which fields are settings, and the effective protocol.
import { type JsonObject, isJsonObject } from '../core/json-read.ts';
import type { Protocol, ProtocolContent } from './protocol.ts';
import { validateProtocol } from './protocol-validate.ts';
import { failure, type Certainty, type Outcome, type TreatmentProblem } from './problems.ts';

/** A service's overrides: the dotted path of a setting (e.g. "preDose.systolicAbove") and its new value. */
export type SettingOverrides = Readonly<Record<string, number | boolean>>;

/** One field a service may change: a number with `basis: 'setting'` or a yes/no rule with `basis: 'setting'`. */
export interface ProtocolSetting {
  readonly path: string;
  readonly kind: 'number' | 'yes-no';
  /** The shipped default. */
  readonly default: number | boolean;
  /** The value in effect for the service (the default unless overridden). */
  readonly value: number | boolean;
  readonly overridden: boolean;
  readonly unit: string | null;
  readonly source: string;
  readonly certainty: Certainty;
}

/** Who changed a service's settings, for the protocol's sources. */
export interface SettingsVersion {
  readonly version: number;
  readonly changedAt: string;
}

const isSetting = (o: JsonObject): boolean =>
  o.basis === 'setting' && (typeof o.value === 'number' || typeof o.required === 'boolean');

function walk(value: unknown, path: string, found: Map<string, JsonObject>): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walk(item, path === '' ? String(i) : `${path}.${i}`, found);
    });
    return;
  }
  if (!isJsonObject(value)) return;
  if (isSetting(value)) {
    found.set(path, value);
    return;
  }
  for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`, found);
}

/** Every field of the protocol whose basis is 'setting', by dotted path (in the protocol's order). */
function settingObjects(content: ProtocolContent): Map<string, JsonObject> {
  const found = new Map<string, JsonObject>();
  walk(content, '', found);
  return found;
}

/** The settings of `defaults`, with the service's values in effect. */
export function protocolSettings(defaults: ProtocolContent, overrides: SettingOverrides): ProtocolSetting[] {
  return [...settingObjects(defaults)].map(([path, o]) => {
    const kind = typeof o.value === 'number' ? 'number' : 'yes-no';
    const def = kind === 'number' ? (o.value as number) : (o.required as boolean);
    const override = overrides[path];
    return {
      path,
      kind,
      default: def,
      value: override ?? def,
      overridden: override !== undefined,
      unit: typeof o.unit === 'string' ? o.unit : null,
      source: typeof o.source === 'string' ? o.source : '',
      certainty: (o.certainty as Certainty | undefined) ?? 'synthesis',
    };
  });
}

/** Refuses a path that is not a setting, and a value of the wrong kind; every problem names its field. */
export function checkOverrides(defaults: ProtocolContent, overrides: SettingOverrides): TreatmentProblem[] {
  const settings = settingObjects(defaults);
  const problems: TreatmentProblem[] = [];
  for (const [path, value] of Object.entries(overrides)) {
    const o = settings.get(path);
    if (o === undefined) {
      problems.push({
        code: 'not-a-setting',
        path: `settings.${path}`,
        text: `"${path}" is not a setting of protocol ${defaults.id}: only fields whose basis is 'setting' may change.`,
      });
    } else if (typeof o.value === 'number' ? typeof value !== 'number' : typeof value !== 'boolean') {
      problems.push({
        code: 'wrong-type',
        path: `settings.${path}`,
        text: `"${path}" takes ${typeof o.value === 'number' ? `a number (${String(o.unit)})` : 'true or false'}.`,
      });
    }
  }
  return problems;
}

function withValue(o: JsonObject, value: number | boolean, by: SettingsVersion): JsonObject {
  const shipped = typeof o.value === 'number' ? `${o.value} ${String(o.unit)}` : String(o.required);
  const source = `Set by this service (settings version ${by.version}, ${by.changedAt}); shipped default ${shipped}: ${String(o.source)}`;
  return typeof value === 'number' ? { ...o, value, source } : { ...o, required: value, source };
}

function replaced(value: unknown, path: string, overrides: SettingOverrides, by: SettingsVersion): unknown {
  if (Array.isArray(value))
    return value.map((item, i) => replaced(item, path === '' ? String(i) : `${path}.${i}`, overrides, by));
  if (!isJsonObject(value)) return value;
  const override = overrides[path];
  if (isSetting(value) && override !== undefined) return withValue(value, override, by);
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, replaced(v, path === '' ? k : `${path}.${k}`, overrides, by)]),
  );
}

/**
 * The protocol a service uses: the shipped default with the service's setting values, checked again by
 * `validateProtocol` (so an override that breaks a range or an order is refused, naming the field). Each
 * changed value's source says it was set by the service, and what the shipped default and its source were.
 */
export function effectiveProtocol(
  defaults: ProtocolContent,
  overrides: SettingOverrides,
  by: SettingsVersion,
): Outcome<Protocol> {
  const problems = checkOverrides(defaults, overrides);
  if (problems.length > 0) return failure(problems);
  return validateProtocol(replaced(defaults, '', overrides, by));
}
