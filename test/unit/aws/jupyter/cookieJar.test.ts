import * as assert from 'assert';
import { CookieJar } from '../../../../src/aws/jupyter/cookieJar';

describe('CookieJar', () => {
  it('sends back cookies by host, path and secure flag, longest path first', () => {
    const jar = new CookieJar();
    jar.storeFrom('https://lab.notebook.aws/?authToken=x', [
      'a=1; Path=/; HttpOnly',
      'b=2; Path=/api; Secure',
      'c="3"',
    ]);
    jar.storeFrom('https://other.example/', ['d=4']);
    assert.strictEqual(jar.header('https://lab.notebook.aws/api/kernels'), 'b=2; a=1; c=3');
    assert.strictEqual(jar.header('https://lab.notebook.aws/apix'), 'a=1; c=3');
    assert.strictEqual(jar.header('http://lab.notebook.aws/api'), 'a=1; c=3', 'Secure only over https');
    assert.strictEqual(jar.header('wss://lab.notebook.aws/api/kernels/k/channels'), 'b=2; a=1; c=3');
    assert.strictEqual(jar.header('https://elsewhere.aws/'), undefined);
    assert.strictEqual(jar.get('b', 'https://lab.notebook.aws/api/x'), '2');
  });

  it('honours Domain, Max-Age and Expires, replaces and deletes', () => {
    let now = 1_000_000;
    const jar = new CookieJar(() => now);
    jar.storeFrom('https://lab.notebook.aws/', [
      's=1; Domain=.notebook.aws; Max-Age=60',
      'x=1; Domain=evil.com',
      `e=1; Expires=${new Date(now + 5_000).toUTCString()}`,
    ]);
    assert.strictEqual(jar.header('https://other.notebook.aws/'), 's=1');
    assert.strictEqual(jar.header('https://lab.notebook.aws/'), 's=1; e=1');
    now += 10_000;
    assert.strictEqual(jar.header('https://lab.notebook.aws/'), 's=1');
    jar.storeFrom('https://lab.notebook.aws/', ['s=2; Domain=notebook.aws']);
    assert.strictEqual(jar.header('https://lab.notebook.aws/'), 's=2');
    jar.storeFrom('https://lab.notebook.aws/', ['s=; Domain=notebook.aws; Max-Age=0']);
    assert.strictEqual(jar.header('https://lab.notebook.aws/'), undefined);
    assert.strictEqual(jar.size, 0);
  });

  it('Secure cookies still travel to the loopback emulator over http', () => {
    const jar = new CookieJar();
    jar.storeFrom('http://127.0.0.1:4566/', ['_xsrf=2|abc|def|1; Path=/; Secure']);
    assert.strictEqual(jar.get('_xsrf', 'http://127.0.0.1:4566/api/sessions'), '2|abc|def|1');
    assert.deepStrictEqual(jar.secrets(), ['2|abc|def|1']);
  });
});
