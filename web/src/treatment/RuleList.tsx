// RuleList: every reason a clinical rule gave (a block, an unmet discharge rule, a flag), each with its source.
import { SourceNote } from '../ui/SourceNote.tsx';

interface RuleListProps {
  items: readonly { code: string; text: string; source: string }[];
  /** The list's accessible name, e.g. "Reasons the session cannot start". */
  label: string;
}

/** One list item per reason: its text, then a small "Source: …" line. */
export function RuleList({ items, label }: RuleListProps) {
  return (
    <ul className="rule-list" aria-label={label}>
      {items.map((item, i) => (
        <li key={`${item.code}-${i}`} className="rule-item">
          <span className="rule-text">{item.text}</span>
          <SourceNote source={item.source} />
        </li>
      ))}
    </ul>
  );
}
