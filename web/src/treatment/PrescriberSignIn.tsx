// PrescriberSignIn: a prescriber's email and password on the nurse's screen, for a decision only a prescriber makes.
import { Field } from '../ui/Field.tsx';

interface PrescriberSignInProps {
  /** What the prescriber is signing for, e.g. "the high-BP acknowledgement". */
  purpose: string;
  email: string;
  password: string;
  onChange: (patch: { prescriberEmail?: string; prescriberPassword?: string }) => void;
  error?: string | undefined;
}

/** "Prescriber's email" and "Prescriber's password": the prescriber signs in here to stand behind the decision. */
export function PrescriberSignIn({ purpose, email, password, onChange, error }: PrescriberSignInProps) {
  return (
    <fieldset className="form-section">
      <legend>Prescriber’s sign-in</legend>
      <p className="hint">
        Only a prescriber may make {purpose}. You are not signed in as one: the prescriber signs in here.
      </p>
      <div className="field-grid">
        <Field
          label="Prescriber's email"
          type="email"
          autoComplete="off"
          value={email}
          onValue={(prescriberEmail) => onChange({ prescriberEmail })}
          error={error}
        />
        <Field
          label="Prescriber's password"
          type="password"
          autoComplete="off"
          value={password}
          onValue={(prescriberPassword) => onChange({ prescriberPassword })}
        />
      </div>
    </fieldset>
  );
}
