// RegisteredClient: after registering a system client, what its operators need: the client id and the token URL.
import { Notice } from '../../ui/Notice.tsx';
import { ReadOnlyValue } from './ReadOnlyValue.tsx';
import { SMART_CONFIGURATION_PATH } from './smart-configuration.ts';

interface RegisteredClientProps {
  name: string;
  clientId: string;
  /** Null while the discovery document is loading, or when it could not be read. */
  tokenUrl: string | null;
}

/** A success notice with the two values to pass on. */
export function RegisteredClient({ name, clientId, tokenUrl }: RegisteredClientProps) {
  return (
    <Notice kind="success">
      <p>
        {name} is registered. Give its operators the client id (the <code>iss</code> and <code>sub</code> of
        its signed assertions) and the token URL (their <code>aud</code>):
      </p>
      <ReadOnlyValue label="Client id" value={clientId} />
      {tokenUrl ? (
        <ReadOnlyValue label="Token URL" value={tokenUrl} />
      ) : (
        <p>
          The token URL is the <code>token_endpoint</code> of <code>{SMART_CONFIGURATION_PATH}</code>.
        </p>
      )}
    </Notice>
  );
}
