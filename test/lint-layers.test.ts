// The layers hold by lint, not by habit: SQL text in src/api, a web import of server internals, and a domain
// module reaching outside the domain are each refused by `npm run lint`.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The messages ESLint gives for `text` as if it were the file at `path` (an existing file, for type info). */
async function lint(path: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('layering rules', () => {
  it('refuses SQL text in src/api, in strings and templates, and allows ordinary text', async () => {
    const refused = await lint(
      'src/api/record-change.ts',
      "export const a = 'SELECT id FROM patients';\nexport const b = `\n  insert into t values (1)`;\nexport const c = 'Selected patients';\n",
    );
    expect(refused.filter((m) => m.includes('SQL belongs in src/store'))).toHaveLength(2);
  });

  it('refuses a web import of the store, the api or the server, and allows the domain and schemas', async () => {
    const messages = await lint(
      'web/src/ui/format.ts',
      [
        "import type { A } from '../../../src/store/users.ts';",
        "import type { B } from '../../../src/api/context.ts';",
        "import type { C } from '../../../src/domain/core/outcome.ts';",
        "import type { D } from '../../../src/schemas/common.ts';",
        'export type E = A | B | C | D;',
        '',
      ].join('\n'),
    );
    expect(messages.filter((m) => m.includes('imports only src/domain and src/schemas'))).toHaveLength(2);
  });

  it('refuses a domain test importing the store', async () => {
    const messages = await lint(
      'src/domain/harm/evaluate.test.ts',
      "import { listUsers } from '../../store/users.ts';\nexport const f = listUsers;\n",
    );
    expect(messages.some((m) => /restricted|outside src\/domain|domain/i.test(m))).toBe(true);
  });
}, 120_000);
