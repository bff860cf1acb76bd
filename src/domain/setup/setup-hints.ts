// What to set up when a rule blocks for want of set-up, and where in the product it is done: rule code → hint.
// The API adds the hint to a refusal's block (field `setup`); the web shows it with a link (SetupHint).

/** A set-up step that lifts a block: the page where it is done and what to do there, in plain words. */
export interface SetupHint {
  /** The web address where the set-up is done (a path of the web app, with its section anchor). */
  readonly path: string;
  readonly text: string;
}

/** The rules that block only because the service is not set up yet. */
const SETUP_HINTS: Readonly<Record<string, SetupHint>> = {
  'acls-clinician-required': {
    path: '/admin#staff',
    text:
      'An administrator records the ACLS credential (or the local equivalent, with a kind starting "ACLS") of ' +
      'the clinician present at dosing: Admin → Staff → Credentials. The Getting started checklist shows ' +
      'whether one is recorded.',
  },
};

/** The set-up hint for a rule, or undefined when the rule does not block for want of set-up. */
export function setupHintFor(code: string): SetupHint | undefined {
  return Object.hasOwn(SETUP_HINTS, code) ? SETUP_HINTS[code] : undefined;
}

/** Each block as given, with `setup` added to those a set-up step lifts (the other fields unchanged). */
export function withSetupHints<B extends { readonly code: string }>(
  blocks: readonly B[],
): (B & { setup?: SetupHint })[] {
  return blocks.map((block) => {
    const setup = setupHintFor(block.code);
    return setup ? { ...block, setup } : block;
  });
}
