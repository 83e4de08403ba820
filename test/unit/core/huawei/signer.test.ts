import * as assert from 'node:assert/strict';
import {
  canonicalQuery,
  canonicalUri,
  EMPTY_BODY_SHA256,
  formatSdkDate,
  sha256Hex,
  signRequest,
  SignHeaderPolicy,
} from '../../../../src/core/huawei/signer';

const CRED = { ak: 'AccessKey', sk: 'SecretKey' };
const E = EMPTY_BODY_SHA256;

interface Vector {
  name: string;
  policy: SignHeaderPolicy;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  canonicalRequest?: string;
  stsHash: string;
  signedHeaders: string;
  signature: string;
}

const A_URL =
  'https://cloudartifacts-ext.cn-north-4.myhuaweicloud.com/cloudartifact/v5/repositories/0123456789abcdef0123456789abcdef/cn-north-4_a1b2c3d4e5f60718293a4b5c6d7e8f90_maven_1/privileges';
const A_HEADERS = { 'X-Sdk-Date': '20240102T030405Z', 'X-Project-Id': 'fedcba9876543210fedcba9876543210', 'x-language': 'en-us' };

// Contract §2.6, values copied verbatim.
const VECTORS: Vector[] = [
  {
    name: 'G1',
    policy: 'go',
    method: 'GET',
    url: 'https://example.huaweicloud.com/path?limit=1',
    headers: { 'X-Sdk-Date': '20060102T150405Z', TEST_UNDERSCORE: 'TEST_VALUE' },
    canonicalRequest: `GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\n${E}`,
    stsHash: '85c3b7730f308aee452b16138a42a914397e43a8f0d732dfa521c0ef2afa98a4',
    signedHeaders: 'x-sdk-date',
    signature: '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
  },
  {
    name: 'G2',
    policy: 'go',
    method: 'POST',
    url: 'https://example.huaweicloud.com/path?key=value',
    headers: { 'X-Sdk-Date': '20060102T150405Z', 'Content-Type': 'application/json' },
    body: '{"Name":"test","Id":1}\n',
    canonicalRequest:
      'POST\n/path/\nkey=value\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\na29d7b4c5efd1a22011d69fd7b7aee76fe51e4083c609244228de258afd61289',
    stsHash: '13f75ff5f5216199f986c7e7f2f77834d5e160ad9e46f37319816dc72ba7eeab',
    signedHeaders: 'x-sdk-date',
    signature: 'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
  },
  {
    name: 'P1',
    policy: 'python',
    method: 'GET',
    url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1',
    headers: { 'X-Sdk-Date': '20200608T023900Z', TEST_UNDERSCORE: 'TEST_VALUE' },
    canonicalRequest: `GET\n/resources/\nsize=1\nhost:service.endpoint.myhuaweicloud.com\nx-sdk-date:20200608T023900Z\n\nhost;x-sdk-date\n${E}`,
    stsHash: 'de94dd1e1ccdb730b403ce35d7e14f7c7b04337f6def1c3a3a2ba936852b133f',
    signedHeaders: 'host;x-sdk-date',
    signature: 'cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
  },
  {
    name: 'P2',
    policy: 'python',
    method: 'POST',
    url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1',
    headers: { 'X-Sdk-Date': '20200608T023900Z', TEST_UNDERSCORE: 'TEST_VALUE' },
    body: '{"name":"test","id":1}',
    canonicalRequest:
      'POST\n/resources/\nsize=1\nhost:service.endpoint.myhuaweicloud.com\nx-sdk-date:20200608T023900Z\n\nhost;x-sdk-date\n8ed555081b9961769014bc1182c629bb0fe68d7b01c1fc1caab4dc791f377e8c',
    stsHash: '2b1b2515e48cb55e043ff2ec5b93d3f13ec287e1da1d7a2e4e14b0611a341969',
    signedHeaders: 'host;x-sdk-date',
    signature: '436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f',
  },
  {
    name: 'A1',
    policy: 'python',
    method: 'GET',
    url: A_URL,
    headers: A_HEADERS,
    canonicalRequest: [
      'GET',
      '/cloudartifact/v5/repositories/0123456789abcdef0123456789abcdef/cn-north-4_a1b2c3d4e5f60718293a4b5c6d7e8f90_maven_1/privileges/',
      '',
      'host:cloudartifacts-ext.cn-north-4.myhuaweicloud.com',
      'x-language:en-us',
      'x-project-id:fedcba9876543210fedcba9876543210',
      'x-sdk-date:20240102T030405Z',
      '',
      'host;x-language;x-project-id;x-sdk-date',
      E,
    ].join('\n'),
    stsHash: '52cdc210fc121b5501e7b8db98ded0188f33592ca4ad56dfd812d0c9a0931651',
    signedHeaders: 'host;x-language;x-project-id;x-sdk-date',
    signature: 'f4a4ff28fa314d43222dd37cfcabd31038db6659eab5c1f6fc0170f9d6421e7d',
  },
  {
    name: 'A2',
    policy: 'python',
    method: 'GET',
    url: A_URL,
    headers: { ...A_HEADERS, 'Content-Type': 'application/json' },
    stsHash: '4690adefedce0dd676a3df50f46cec9c85fd191c15cbe9d1950c22930846da40',
    signedHeaders: 'content-type;host;x-language;x-project-id;x-sdk-date',
    signature: '25e3ae099b9f73d06353b648510cd37ef236dadd84f04c40dbe0edff155d4345',
  },
  {
    name: 'A3',
    policy: 'python',
    method: 'GET',
    url: 'https://cloudartifacts-ext.cn-north-4.myhuaweicloud.com/cloudartifact/v5/a1b2c3d4e5f60718293a4b5c6d7e8f90/0123456789abcdef0123456789abcdef/repositories?page_size=100&page_no=1&format_list=maven2,npm',
    headers: { 'X-Sdk-Date': '20240102T030405Z', 'X-Project-Id': 'fedcba9876543210fedcba9876543210', 'Content-Type': 'application/json' },
    stsHash: '733f8d16a91e18b07357ce143fa9ed49db9819718cc693f11fb9c056b03736be',
    signedHeaders: 'content-type;host;x-project-id;x-sdk-date',
    signature: '73594dbe3597e243d8747d0c4f6a28661981a0f09c5041f5f226361c99cc4c0e',
  },
];

describe('huawei signer: contract test vectors (§2.6)', () => {
  for (const v of VECTORS) {
    it(`reproduces ${v.name}`, () => {
      const signed = signRequest({ method: v.method, url: v.url, headers: v.headers, body: v.body }, CRED, { signHeaders: v.policy });
      if (v.canonicalRequest !== undefined) assert.equal(signed.canonicalRequest, v.canonicalRequest);
      const dateLine = v.headers['X-Sdk-Date'];
      assert.equal(signed.stringToSign, `SDK-HMAC-SHA256\n${dateLine}\n${v.stsHash}`);
      assert.equal(signed.signature, v.signature);
      assert.equal(
        signed.headers.Authorization,
        `SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=${v.signedHeaders}, Signature=${v.signature}`,
      );
      assert.equal(signed.headers['X-Sdk-Date'], undefined, 'an existing X-Sdk-Date is kept, not replaced');
    });
  }

  // Our default header set is a subset of what the SDKs sign, so it must land on the same A vectors.
  for (const v of VECTORS.filter((x) => x.name.startsWith('A'))) {
    it(`our default header set reproduces ${v.name}`, () => {
      const signed = signRequest({ method: v.method, url: v.url, headers: { ...v.headers, 'User-Agent': 'coscene-access' } }, CRED);
      assert.equal(signed.signature, v.signature);
    });
  }

  it('A2 canonical request puts content-type first', () => {
    const v = VECTORS.find((x) => x.name === 'A2')!;
    const signed = signRequest({ method: 'GET', url: v.url, headers: v.headers }, CRED, { signHeaders: 'python' });
    assert.match(signed.canonicalRequest, /\n\ncontent-type:application\/json\nhost:/);
  });

  it('A3 canonical query is sorted and encodes the comma', () => {
    assert.equal(canonicalQuery('?page_size=100&page_no=1&format_list=maven2,npm'), 'format_list=maven2%2Cnpm&page_no=1&page_size=100');
  });
});

describe('huawei signer: rules', () => {
  it('adds X-Sdk-Date from the given date in UTC basic format', () => {
    const signed = signRequest({ method: 'GET', url: 'https://h.example.com/a', headers: {} }, CRED, {
      date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)),
    });
    assert.equal(signed.headers['X-Sdk-Date'], '20240102T030405Z');
    assert.equal(formatSdkDate(new Date(Date.UTC(1999, 11, 31, 23, 59, 59))), '19991231T235959Z');
    assert.deepEqual(signed.signedHeaders, ['host', 'x-sdk-date']);
  });

  it('adds and signs X-Security-Token for temporary credentials', () => {
    const signed = signRequest(
      { method: 'GET', url: 'https://h.example.com/a', headers: {} },
      { ...CRED, securityToken: 'temp-token-value' },
      { date: new Date(0) },
    );
    assert.equal(signed.headers['X-Security-Token'], 'temp-token-value');
    assert.ok(signed.signedHeaders.includes('x-security-token'));
    assert.match(signed.canonicalRequest, /\nx-security-token:temp-token-value\n/);
  });

  it('encodes path segments per RFC 3986 and keeps a single trailing slash', () => {
    assert.equal(canonicalUri('/a b/c(d)/'), '/a%20b/c%28d%29/');
    assert.equal(canonicalUri('/x%2Fy/z'), '/x%2Fy/z/');
    assert.equal(canonicalUri('/'), '/');
  });

  it('sorts repeated query names by value and encodes space, slash and unicode', () => {
    assert.equal(canonicalQuery('b=2&a=z&a=y&c=a%20b%2Fc&d=%E4%B8%AD'), 'a=y&a=z&b=2&c=a%20b%2Fc&d=%E4%B8%AD');
    assert.equal(canonicalQuery(''), '');
    assert.equal(canonicalQuery('?flag'), 'flag=');
  });

  it('trims header values, uses host:port for non-default ports and hashes the exact body', () => {
    const body = '{"a":"中"}';
    const signed = signRequest({ method: 'post', url: 'http://127.0.0.1:8080/p', headers: { 'X-Language': '  zh-cn ' }, body }, CRED, {
      date: new Date(0),
    });
    assert.match(signed.canonicalRequest, /^POST\n/);
    assert.match(signed.canonicalRequest, /\nhost:127\.0\.0\.1:8080\nx-language:zh-cn\n/);
    assert.ok(signed.canonicalRequest.endsWith(`\n${sha256Hex(body)}`));
    assert.notEqual(sha256Hex(body), sha256Hex('{"a":"\\u4e2d"}'));
  });

  it('a different SK gives a different signature', () => {
    const req = { method: 'GET', url: 'https://h.example.com/a', headers: { 'X-Sdk-Date': '20240102T030405Z' } };
    assert.notEqual(signRequest(req, CRED).signature, signRequest(req, { ak: 'AccessKey', sk: 'OtherKey' }).signature);
  });
});
