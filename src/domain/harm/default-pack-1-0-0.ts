// The shipped default pack kaspr-harm-default@1.0.0, frozen: kept as the published JSON so that recommendations made with it replay identically.
import published from './default-pack-1-0-0.json' with { type: 'json' };
import type { ContentPack } from './pack-types.ts';

/**
 * kaspr-harm-default@1.0.0 exactly as shipped on 2026-11-22 (superseded by 2.0.0; kept for replay). It is
 * data, never edited: default-pack-1-0-0.test.ts pins its hash, and default-pack.ts validates it at load.
 */
export const defaultPackV1Content: ContentPack = published as ContentPack;
