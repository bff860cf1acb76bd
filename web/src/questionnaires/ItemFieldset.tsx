// ItemFieldset: one questionnaire item as a radio group; a digit key answers it and moves on to the next item.
import { useId, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { digitOf } from './item-focus.ts';
import type { InstrumentItem } from './questionnaire-types.ts';

interface ItemFieldsetProps {
  item: InstrumentItem;
  /** Radio group name, unique within the page. */
  name: string;
  value: number | undefined;
  onAnswer: (score: number) => void;
  /** 'clinician' shows scores ("2 — More than half the days"); 'patient' shows the answer wording only. */
  variant: 'clinician' | 'patient';
  /** Called after a digit key answered this item, to move focus on. */
  onDigitAnswered?: (fieldset: HTMLFieldSetElement) => void;
  /** Why the published skip logic does not ask this item now; the item is then disabled. */
  notAsked?: string | undefined;
  error?: string | undefined;
}

/** A <fieldset> whose <legend> is the item number and wording (or neutral label). */
export function ItemFieldset(props: ItemFieldsetProps) {
  const { item, name, value, onAnswer, variant, onDigitAnswered, notAsked, error } = props;
  const id = useId();
  const clinician = variant === 'clinician';
  const notes: { key: string; text: string; className: string }[] = [];
  if (error) notes.push({ key: 'error', text: error, className: 'field-error' });
  if (clinician && item.text === undefined)
    notes.push({
      key: 'licence',
      text: "Item text not licensed; use your service's copy",
      className: 'hint',
    });
  if (clinician && !item.scored) notes.push({ key: 'unscored', text: 'Not scored', className: 'hint' });
  if (notAsked) notes.push({ key: 'skip', text: notAsked, className: 'hint' });

  const onKeyDown = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    const digit = digitOf(e);
    if (digit === null || !(e.target instanceof HTMLInputElement) || e.target.type !== 'radio') return;
    if (!item.options.some((o) => o.score === digit)) return;
    e.preventDefault();
    // Render the answer now, so items it un-skips are enabled before focus moves on (and fast typing keeps up).
    flushSync(() => {
      onAnswer(digit);
    });
    onDigitAnswered?.(e.currentTarget);
  };

  return (
    <fieldset
      className={`item-fieldset item-${variant}${error ? ' field-invalid' : ''}`}
      data-item={item.number}
      disabled={notAsked !== undefined}
      aria-describedby={notes.length > 0 ? notes.map((n) => `${id}-${n.key}`).join(' ') : undefined}
      onKeyDown={onKeyDown}
    >
      <legend>
        <span className="item-number">{item.number}.</span> {item.text ?? item.label}
      </legend>
      {notes.map((n) => (
        <p key={n.key} id={`${id}-${n.key}`} className={n.className}>
          {n.text}
        </p>
      ))}
      <div className={clinician ? 'radio-row' : 'radio-group'}>
        {item.options.map((o) => {
          const label = clinician
            ? o.label
              ? `${o.score} — ${o.label}`
              : String(o.score)
            : (o.label ?? String(o.score));
          return (
            <label key={o.score} className="radio">
              <input
                type="radio"
                name={name}
                value={o.score}
                checked={value === o.score}
                onChange={() => {
                  onAnswer(o.score);
                }}
              />
              <span>{label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
