// A service's licensed questionnaire text, kept apart from scoring and laid over the current shipped definition.
import type { InstrumentDefinition, InstrumentItem } from './types.ts';

/** Item wording and answer labels a service loaded for one item. */
export interface ItemTextOverlay {
  readonly number: string;
  readonly text?: string;
  readonly optionLabels: readonly { readonly score: number; readonly label: string }[];
}

/**
 * The only things a service's import may change on a shipped instrument: title, copyright statement, item
 * text and answer labels. Scoring, bands, flags and cut-offs always come from the current shipped definition,
 * so a later scoring or safety fix reaches a service that loaded its own text.
 */
export interface InstrumentTextOverlay {
  readonly kind: 'text-overlay';
  readonly id: string;
  readonly title?: string;
  readonly copyright?: string;
  /** The service's Questionnaire (url or id) the text came from. */
  readonly loadedFrom?: string;
  readonly items: readonly ItemTextOverlay[];
}

/** True when a stored value is a text overlay (rather than a whole definition from an earlier release). */
export function isTextOverlay(value: unknown): value is InstrumentTextOverlay {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'text-overlay' &&
    Array.isArray((value as { items?: unknown }).items)
  );
}

function itemOverlay(item: InstrumentItem, shippedItem: InstrumentItem | undefined): ItemTextOverlay | null {
  const text = item.text !== undefined && item.text !== shippedItem?.text ? item.text : undefined;
  const optionLabels = item.options.flatMap((option) => {
    const shippedLabel = shippedItem?.options.find((o) => o.score === option.score)?.label;
    return option.label !== undefined && option.label !== shippedLabel
      ? [{ score: option.score, label: option.label }]
      : [];
  });
  if (text === undefined && optionLabels.length === 0) return null;
  return { number: item.number, ...(text === undefined ? {} : { text }), optionLabels };
}

/**
 * The text in `withText` that differs from `shipped`: what a service loaded. Works on a definition produced
 * by an import, and on a whole definition stored by an earlier release (whose scoring is then ignored).
 */
export function textOverlayOf(
  withText: InstrumentDefinition,
  shipped: InstrumentDefinition,
): InstrumentTextOverlay {
  const items = withText.items.flatMap((item) => {
    const overlay = itemOverlay(
      item,
      shipped.items.find((s) => s.number === item.number),
    );
    return overlay === null ? [] : [overlay];
  });
  return {
    kind: 'text-overlay',
    id: shipped.id,
    ...(withText.title !== shipped.title ? { title: withText.title } : {}),
    ...(withText.licence.serviceCopyright === undefined
      ? {}
      : { copyright: withText.licence.serviceCopyright }),
    ...(withText.licence.loadedFrom === undefined ? {} : { loadedFrom: withText.licence.loadedFrom }),
    items,
  };
}

/** True when the overlay changes nothing (e.g. a re-import of our own export, whose text is the neutral label). */
export function isEmptyOverlay(overlay: InstrumentTextOverlay): boolean {
  return overlay.items.length === 0 && overlay.title === undefined && overlay.copyright === undefined;
}

/**
 * The current shipped definition with the service's text laid over it. Items or scores the definition no
 * longer has are ignored; everything else (scoring, bands, flags, version) is the shipped definition's own.
 */
export function applyTextOverlay(
  def: InstrumentDefinition,
  overlay: InstrumentTextOverlay,
): InstrumentDefinition {
  if (overlay.id !== def.id || isEmptyOverlay(overlay)) return def;
  const items = def.items.map((item): InstrumentItem => {
    const loaded = overlay.items.find((o) => o.number === item.number);
    if (loaded === undefined) return item;
    const options = item.options.map((option) => {
      const label = loaded.optionLabels.find((o) => o.score === option.score)?.label;
      return label === undefined ? option : { ...option, label };
    });
    return { ...item, options, ...(loaded.text === undefined ? {} : { text: loaded.text }) };
  });
  const from = overlay.loadedFrom === undefined ? '' : ` from its own Questionnaire ${overlay.loadedFrom}`;
  return {
    ...def,
    ...(overlay.title === undefined ? {} : { title: overlay.title }),
    items,
    licence: {
      ...def.licence,
      textLicensed: true,
      note: `${def.licence.note} Item text loaded by the service${from}.`,
      ...(overlay.copyright === undefined ? {} : { serviceCopyright: overlay.copyright }),
      ...(overlay.loadedFrom === undefined ? {} : { loadedFrom: overlay.loadedFrom }),
    },
  };
}
