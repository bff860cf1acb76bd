// JwksField: the text area an administrator pastes a system client's public key set into.
import { Field } from '../../ui/Field.tsx';

interface JwksFieldProps {
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
  label?: string;
}

/** A labelled monospaced text area with what to paste, and the problem with the set when there is one. */
export function JwksField({
  value,
  onValue,
  error,
  label = 'Public keys (JSON Web Key Set)',
}: JwksFieldProps) {
  return (
    <Field
      label={label}
      multiline
      className="jwks-field"
      value={value}
      onValue={onValue}
      error={error}
      hint='Paste the public key set as JSON, {"keys": [ … ]}: RS384 (RSA) or ES384 (EC P-384) keys. Never paste a private key; the system keeps it.'
      required
    />
  );
}
