// The protocol settings form's draft (values as typed) and the changes it sends: only what differs, defaults as null.
import type { ProtocolSetting } from '../../../src/domain/treatment/protocol-settings.ts';

export type SettingsDraft = Record<string, string | boolean>;

/** A setting's value as read aloud: "yes"/"no" for a switch, the number otherwise. */
export const shown = (v: number | boolean) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

/** The draft of the values in force: numbers as text, switches as booleans. */
export function draftOf(settings: readonly ProtocolSetting[]): SettingsDraft {
  return Object.fromEntries(
    settings.map((s) => [s.path, typeof s.value === 'boolean' ? s.value : String(s.value)]),
  );
}

/** The changed values only, as the API takes them; a value equal to the default is sent as null (default). */
export function changes(
  settings: readonly ProtocolSetting[],
  draft: SettingsDraft,
): Record<string, number | boolean | null> {
  const out: Record<string, number | boolean | null> = {};
  for (const s of settings) {
    const raw = draft[s.path];
    if (raw === undefined) continue;
    const value = typeof raw === 'boolean' ? raw : raw.trim() === '' ? Number.NaN : Number(raw);
    if (value === s.value) continue;
    out[s.path] = value === s.default && s.overridden ? null : value;
  }
  return out;
}

/** What stops the change being sent: a value that is not a number, nothing changed, or no reason given. */
export function settingsProblems(
  changed: Record<string, number | boolean | null>,
  reason: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, v] of Object.entries(changed))
    if (typeof v === 'number' && !Number.isFinite(v)) out[`settings.${path}`] = 'Enter a number';
  if (Object.keys(changed).length === 0) out.settings = 'Change at least one value';
  if (reason.trim() === '') out.reason = 'Say why the clinic changes these settings';
  return out;
}
