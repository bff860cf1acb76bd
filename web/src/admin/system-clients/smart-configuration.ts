// The SMART discovery document (/fhir/R4/.well-known/smart-configuration): the token URL a system client posts its
// signed assertion to, and the scopes it may ask for.
import { z } from 'zod';

export const SMART_CONFIGURATION_PATH = '/fhir/R4/.well-known/smart-configuration';

const discovery = z.object({
  token_endpoint: z.string().min(1),
  scopes_supported: z.array(z.string()).min(1),
});

export interface SmartConfiguration {
  tokenUrl: string;
  scopes: string[];
}

/** The token URL and the system scopes of a discovery document, or null when it lacks them. */
export function readSmartConfiguration(body: unknown): SmartConfiguration | null {
  const parsed = discovery.safeParse(body);
  if (!parsed.success) return null;
  const scopes = parsed.data.scopes_supported.filter((s) => s.startsWith('system/'));
  return scopes.length > 0 ? { tokenUrl: parsed.data.token_endpoint, scopes } : null;
}

const SCOPE_WORDS: Record<string, string> = { read: 'Read', write: 'Write', '*': 'Read and write' };

/** "Read (system/*.read)": what a `system/<type>.<access>` scope lets the client do, then the scope itself. */
export function scopeLabel(scope: string): string {
  const m = /^system\/([^.]+)\.(read|write|\*)$/.exec(scope);
  if (!m) return scope;
  const what = m[1] === '*' ? '' : ` ${m[1]} records`;
  return `${SCOPE_WORDS[m[2] ?? ''] ?? m[2]}${what} (${scope})`;
}
