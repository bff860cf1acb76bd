// Vite build for the KASPR web client: root web/, output web/dist, /api proxied to the local server in dev.
// Every hashed asset is also written brotli- and gzip-compressed beside itself (the server sends those as they are),
// and .vite/manifest.json records which chunks each page loads (scripts/bundle-budget.mjs reads it).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('./dist', import.meta.url));
// The API server the dev server forwards /api to; KASPR_API_URL overrides the default local server.
const apiTarget = process.env.KASPR_API_URL ?? 'http://127.0.0.1:3000';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Writes `<file>.br` (brotli, best) and `<file>.gz` (gzip -9) beside every file the build put under assets/. */
function precompressAssets(): Plugin {
  let dir = outDir;
  return {
    name: 'kaspr-precompress-assets',
    apply: 'build',
    configResolved(config) {
      dir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const work = Object.values(bundle)
        .filter((file) => file.fileName.startsWith('assets/'))
        .map(async (file) => {
          const raw = Buffer.from(file.type === 'chunk' ? file.code : file.source);
          const path = join(dir, file.fileName);
          const [br, gz] = await Promise.all([
            brotli(raw, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            }),
            gzipped(raw, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        });
      await Promise.all(work);
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompressAssets()],
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React and the router change less often than the app: their chunk stays cached across releases.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/fhir': { target: apiTarget, changeOrigin: false },
    },
  },
});
