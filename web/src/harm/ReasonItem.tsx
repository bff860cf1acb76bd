// ReasonItem: one triggered rule of a proposal: its text, rule id, the inputs it read, and its source.
import type { HarmReason } from './harm-types.ts';

const CERTAINTY: Record<string, string> = {
  verified: 'Verified',
  secondary: 'Secondary source',
  unverified: 'Unverified',
  synthesis: 'Pack synthesis',
};

/** "Certainty: Pack synthesis". */
export function certaintyText(certainty: string): string {
  return `Certainty: ${CERTAINTY[certainty] ?? certainty}`;
}

/** A list item; a red-flag rule is marked and coloured. */
export function ReasonItem({ reason }: { reason: HarmReason }) {
  const inputs = Object.entries(reason.inputs);
  const settings = Object.entries(reason.settingsUsed);
  const derived = Object.entries(reason.derived);
  return (
    <li className={`reason${reason.redFlag ? ' reason-red-flag' : ''}`}>
      <p className="reason-text">
        {reason.redFlag ? <span className="badge badge-danger">Red flag</span> : null} {reason.text}
      </p>
      <p className="reason-meta">
        Level {reason.level} · rule <code>{reason.ruleId}</code>
      </p>
      {inputs.length + settings.length + derived.length > 0 ? (
        <ul className="reason-inputs" aria-label={`Inputs used by ${reason.ruleId}`}>
          {inputs.map(([path, value]) => (
            <li key={path}>
              <code>
                {path} = {String(value)}
              </code>
            </li>
          ))}
          {settings.map(([name, s]) => (
            <li key={`setting-${name}`}>
              <code>
                {name} = {s.value}
              </code>{' '}
              <span className="muted">
                (setting; {certaintyText(s.certainty).toLowerCase()}; {s.source})
              </span>
            </li>
          ))}
          {derived.map(([name, values]) => (
            <li key={`derived-${name}`}>
              <code>
                {name} = {values.join(', ')}
              </code>
            </li>
          ))}
        </ul>
      ) : null}
      <details className="reason-source">
        <summary>Source</summary>
        <p>{reason.source}</p>
        <p>{certaintyText(reason.certainty)}</p>
      </details>
    </li>
  );
}
