// The OpenAPI document describes every route's success reply, because every route declares a reply schema
// (the server refuses to start otherwise) and the serializer checks what it sends against it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface Operation {
  tags?: string[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

describe('OpenAPI document', () => {
  it('describes a success reply for every API route the server registers', async () => {
    const doc = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const documented = new Set<string>();
    const missing: string[] = [];
    const untagged: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const key = `${method.toUpperCase()} ${path}`;
        documented.add(key);
        // Each route file's routes are listed under its tag (routes/index.ts).
        if ((op.tags ?? []).length !== 1) untagged.push(key);
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        const described = success.some(
          ([status, r]) =>
            status === '204' ||
            Object.values(r.content ?? {}).some((c) => c.schema !== undefined) ||
            (r.description !== undefined && r.description !== 'Default Response'),
        );
        if (!described) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    expect(untagged).toEqual([]);
    // Every API route in the route table is in the document (OpenAPI writes :id as {id}).
    const apiRoutes = server.app.kaspr.routes
      .filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(apiRoutes.length).toBeGreaterThan(100);
    expect(apiRoutes.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('checks replies against their schema: a success reply carries only the declared fields', async () => {
    const setup = await fetch(`${server.baseUrl}/api/v1/setup`);
    expect(setup.status).toBe(200);
    const doc = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const schema = doc.paths['/api/v1/setup']?.get?.responses?.['200']?.content?.['application/json']
      ?.schema as { properties?: Record<string, unknown> } | undefined;
    const body = (await setup.json()) as Record<string, unknown>;
    expect(Object.keys(body).every((k) => k in (schema?.properties ?? {}))).toBe(true);
  });
});
