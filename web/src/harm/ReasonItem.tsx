// ReasonItem: one triggered rule of a proposal: its text, the inputs it read in the form's words, and its source.
import { sourceText } from '../../../src/domain/core/source-text.ts';
import { derivedText, inputText, reasonText, settingText } from './evidence-text.ts';
import type { ContentPack, HarmReason } from './harm-types.ts';

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

/** A list item; a red-flag rule is marked and coloured. The pack in force names domains and settings. */
export function ReasonItem({ reason, pack }: { reason: HarmReason; pack: ContentPack | null }) {
  const inputs = Object.entries(reason.inputs);
  const settings = Object.entries(reason.settingsUsed);
  const derived = Object.entries(reason.derived);
  return (
    <li className={`reason${reason.redFlag ? ' reason-red-flag' : ''}`}>
      <p className="reason-text">
        {reason.redFlag ? <span className="badge badge-danger">Red flag</span> : null}{' '}
        {reasonText(reason.text)}
      </p>
      <p className="reason-meta">Level {reason.level}</p>
      {inputs.length + settings.length + derived.length > 0 ? (
        <ul className="reason-inputs" aria-label="What this reason used">
          {inputs.map(([path, value]) => (
            <li key={path}>{inputText(path, value)}</li>
          ))}
          {settings.map(([name, s]) => (
            <li key={`setting-${name}`}>
              {settingText(name, pack)}: {s.value}{' '}
              <span className="muted">
                (setting; {certaintyText(s.certainty).toLowerCase()}; source: {sourceText(s.source)})
              </span>
            </li>
          ))}
          {derived.map(([name, values]) => (
            <li key={`derived-${name}`}>{derivedText(name, values, pack)}</li>
          ))}
        </ul>
      ) : null}
      <details className="reason-source">
        <summary>Source</summary>
        <p>{sourceText(reason.source)}</p>
        <p>{certaintyText(reason.certainty)}</p>
        <p className="muted">
          Rule <code>{reason.ruleId}</code>
        </p>
      </details>
    </li>
  );
}
