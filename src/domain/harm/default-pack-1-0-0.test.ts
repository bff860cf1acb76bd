import { describe, expect, it } from 'vitest';
import { canonicalJson, type Json } from '../audit/canonical-json.ts';
import { defaultPackV1Content } from './default-pack-1-0-0.ts';
import { shippedPacks } from './default-pack.ts';

/** SHA-256 of the pack's canonical JSON as published on 2026-11-22 (sorted keys, no white space). */
const PUBLISHED_SHA256 = '1e74a045ee68c01d51adc3cde16fe328d58c4ca84759753cd90334f385904fb1';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('the frozen default pack 1.0.0', () => {
  it('is byte for byte the pack published on 2026-11-22', async () => {
    const text = canonicalJson(defaultPackV1Content as unknown as Json);
    expect(text).toHaveLength(22235);
    expect(await sha256Hex(text)).toBe(PUBLISHED_SHA256);
  });

  it('is shipped, validated, beside the newer pack so that its recommendations replay', () => {
    const v1 = shippedPacks.find((pack) => pack.version === '1.0.0');
    expect(v1?.id).toBe('kaspr-harm-default');
    expect(v1?.rules.map((rule) => rule.id)).toEqual(defaultPackV1Content.rules.map((rule) => rule.id));
  });
});
