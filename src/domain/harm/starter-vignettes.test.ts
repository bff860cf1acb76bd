import { describe, expect, it } from 'vitest';
import { defaultPack } from './default-pack.ts';
import { evaluateHarm } from './evaluate.ts';
import { starterVignettes } from './starter-vignettes.ts';

describe('the starter calibration vignettes', () => {
  it('cover every level of need, 1 to 4, in six cases with distinct keys and titles', () => {
    expect(starterVignettes).toHaveLength(6);
    expect([...new Set(starterVignettes.map((v) => v.referenceLevel))].sort()).toEqual([1, 2, 3, 4]);
    expect(new Set(starterVignettes.map((v) => v.key)).size).toBe(6);
    expect(new Set(starterVignettes.map((v) => v.title)).size).toBe(6);
  });

  it('say they are fictional and cite the pack level and harm.md section they are built on', () => {
    for (const v of starterVignettes) {
      expect(v.title).toMatch(/^Starter: /);
      expect(v.narrative).toMatch(/^Fictional starter case/);
      expect(v.source).toMatch(/default-pack\.ts/);
      expect(v.source).toMatch(/harm\.md §\d/);
    }
  });

  it.each(starterVignettes.map((v) => [v.key, v] as const))(
    '%s: the default pack proposes the level it was written for',
    (_key, v) => {
      const evaluated = evaluateHarm(v.assessment, defaultPack);
      expect(evaluated.ok && evaluated.value.level).toBe(v.referenceLevel);
    },
  );
});
