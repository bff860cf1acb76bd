// SignInMethod: how a new member of staff will sign in: an invitation link, or a password set now.
import { RadioGroup } from '../ui/RadioGroup.tsx';

export type Method = 'invite' | 'password';

const METHODS: readonly { value: Method; label: string }[] = [
  { value: 'invite', label: 'Send an invitation link (they choose their own password)' },
  { value: 'password', label: 'Set a password now' },
];

/** The "How will they sign in?" radio group. */
export function SignInMethod({ method, onMethod }: { method: Method; onMethod: (method: Method) => void }) {
  return (
    <RadioGroup
      legend="How will they sign in?"
      name="signin-method"
      options={METHODS}
      value={method}
      onValue={onMethod}
    />
  );
}
