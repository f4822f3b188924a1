import { serverAudits } from 'graphql-http';
import { startTestApp, TestApp } from './support/test-app';

/** The GraphQL-over-HTTP conformance audits published with graphql-http, against the real app on a real socket. */
describe('GraphQL over HTTP conformance', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address() as { port: number };
    url = `http://127.0.0.1:${address.port}/graphql`;
  });
  afterAll(async () => {
    await t.close();
  });

  it('passes every MUST audit', async () => {
    const audits = serverAudits({ url });
    const mustAudits = audits.filter((audit) => audit.name.startsWith('MUST'));
    expect(mustAudits.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const audit of mustAudits) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});
