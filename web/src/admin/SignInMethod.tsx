// SignInMethod: how a new member of staff will sign in: an invitation link, or a password set now.

export type Method = 'invite' | 'password';

const METHODS: readonly { value: Method; label: string }[] = [
  { value: 'invite', label: 'Send an invitation link (they choose their own password)' },
  { value: 'password', label: 'Set a password now' },
];

/** The "How will they sign in?" radio group. */
export function SignInMethod({ method, onMethod }: { method: Method; onMethod: (method: Method) => void }) {
  return (
    <fieldset className="radio-group">
      <legend>How will they sign in?</legend>
      {METHODS.map((m) => (
        <label key={m.value} className="radio">
          <input
            type="radio"
            name="signin-method"
            checked={method === m.value}
            onChange={() => onMethod(m.value)}
          />
          {m.label}
        </label>
      ))}
    </fieldset>
  );
}
