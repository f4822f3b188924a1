import { Role } from '../src/modules/access/access.enums';
import { createApiKey } from './support/access';
import { createUserWithToken } from './support/auth';
import { dataOf, errorOf } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const ME = '{ me { id roles } }';

/**
 * The verified principal is cached per Authorization header (src/modules/access/principal-cache.ts): a repeated
 * credential costs no statement, and every change that revokes or narrows access takes effect on the very next
 * request, though the credential was cached a moment before.
 */
describe('authenticated-principal cache', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const user = (roles: Role[] = [Role.LEASING]) => createUserWithToken(t.app, t.dataSource, { roles });
  const as = (authorization: string, query = ME, variables = {}) =>
    t.gql(query, variables, { authorization });

  it('a repeated token sends no statement to read the user again', async () => {
    const u = await user();
    expect((await as(u.authorization)).errors).toBeUndefined();
    const { count, statements } = await t.queries.measure(() => as(u.authorization));
    expect(statements.filter((s) => /app_user/.test(s))).toEqual([]);
    expect(count).toBe(0);
  });

  it('a repeated API key sends no statement to read the key again', async () => {
    const key = await createApiKey(t, 'cached key');
    expect((await as(key.authorization)).errors).toBeUndefined();
    const { statements } = await t.queries.measure(() => as(key.authorization));
    expect(statements.filter((s) => /api_key/.test(s))).toEqual([]);
  });

  it.each([
    ['disableUser', 'mutation($id: ID!) { disableUser(id: $id) { id } }'],
    [
      'setUserPassword',
      'mutation($id: ID!) { setUserPassword(id: $id, password: "another-password-1") { id } }',
    ],
  ])('%s refuses the cached token on the next request', async (_name, mutation) => {
    const u = await user();
    expect(dataOf(await as(u.authorization)).me).toBeTruthy();
    expect((await t.gql(mutation, { id: u.id })).errors).toBeUndefined();
    errorOf(await as(u.authorization), 'UNAUTHENTICATED');
  });

  it('changeMyPassword refuses the cached token on the next request', async () => {
    const u = await user();
    const res = await as(
      u.authorization,
      'mutation { changeMyPassword(currentPassword: "test-password-123", newPassword: "my-new-password-1") { id } }',
    );
    expect(res.errors).toBeUndefined();
    errorOf(await as(u.authorization), 'UNAUTHENTICATED');
  });

  it('narrowed roles apply on the next request', async () => {
    const u = await user([Role.ADMIN]);
    expect(dataOf(await as(u.authorization, '{ users { id } }')).users).toBeTruthy();
    const [{ version }] = await t.sql<{ version: number }[]>('SELECT version FROM app_user WHERE id = $1', [
      u.id,
    ]);
    const edit = await t.gql('mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }', {
      input: { id: u.id, version, roles: [Role.ANALYST] },
    });
    expect(edit.errors).toBeUndefined();
    errorOf(await as(u.authorization, '{ users { id } }'), 'FORBIDDEN');
    expect(dataOf(await as(u.authorization)).me).toEqual({ id: u.id, roles: [Role.ANALYST] });
  });

  it('revokeApiKey refuses the cached key on the next request', async () => {
    const key = await createApiKey(t, 'doomed cached key');
    expect((await as(key.authorization)).errors).toBeUndefined();
    const revoked = await t.gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: key.id });
    expect(revoked.errors).toBeUndefined();
    errorOf(await as(key.authorization), 'UNAUTHENTICATED');
  });
});
