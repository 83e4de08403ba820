import * as assert from 'node:assert/strict';
import {
  EMPTY_BODY_SHA256,
  canonicalRequest,
  decodePath,
  decodeQuery,
  sha256Hex,
  signRequest,
  signature,
  stringToSign,
} from '../../fake/huawei/sign';

/** Test vectors of cloudartifact contract §2.6 (AK=AccessKey, SK=SecretKey). */
interface Vector {
  name: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  signedHeaders: string[];
  canonical?: string;
  stsHash: string;
  signature: string;
}

const A1_URL =
  'https://cloudartifacts-ext.cn-north-4.myhuaweicloud.com/cloudartifact/v5/repositories/0123456789abcdef0123456789abcdef/cn-north-4_a1b2c3d4e5f60718293a4b5c6d7e8f90_maven_1/privileges';
const A_HEADERS = { 'x-sdk-date': '20240102T030405Z', 'x-project-id': 'fedcba9876543210fedcba9876543210' };

const VECTORS: Vector[] = [
  {
    name: 'G1',
    method: 'GET',
    url: 'https://example.huaweicloud.com/path?limit=1',
    headers: { 'x-sdk-date': '20060102T150405Z' },
    body: '',
    signedHeaders: ['x-sdk-date'],
    canonical: `GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\n${EMPTY_BODY_SHA256}`,
    stsHash: '85c3b7730f308aee452b16138a42a914397e43a8f0d732dfa521c0ef2afa98a4',
    signature: '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
  },
  {
    name: 'G2',
    method: 'POST',
    url: 'https://example.huaweicloud.com/path?key=value',
    headers: { 'x-sdk-date': '20060102T150405Z', 'content-type': 'application/json' },
    body: '{"Name":"test","Id":1}\n',
    signedHeaders: ['x-sdk-date'],
    canonical:
      'POST\n/path/\nkey=value\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\na29d7b4c5efd1a22011d69fd7b7aee76fe51e4083c609244228de258afd61289',
    stsHash: '13f75ff5f5216199f986c7e7f2f77834d5e160ad9e46f37319816dc72ba7eeab',
    signature: 'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
  },
  {
    name: 'P1',
    method: 'GET',
    url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1',
    headers: { 'x-sdk-date': '20200608T023900Z', host: 'service.endpoint.myhuaweicloud.com' },
    body: '',
    signedHeaders: ['host', 'x-sdk-date'],
    canonical: `GET\n/resources/\nsize=1\nhost:service.endpoint.myhuaweicloud.com\nx-sdk-date:20200608T023900Z\n\nhost;x-sdk-date\n${EMPTY_BODY_SHA256}`,
    stsHash: 'de94dd1e1ccdb730b403ce35d7e14f7c7b04337f6def1c3a3a2ba936852b133f',
    signature: 'cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
  },
  {
    name: 'P2',
    method: 'POST',
    url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1',
    headers: { 'x-sdk-date': '20200608T023900Z', host: 'service.endpoint.myhuaweicloud.com' },
    body: '{"name":"test","id":1}',
    signedHeaders: ['host', 'x-sdk-date'],
    canonical:
      'POST\n/resources/\nsize=1\nhost:service.endpoint.myhuaweicloud.com\nx-sdk-date:20200608T023900Z\n\nhost;x-sdk-date\n8ed555081b9961769014bc1182c629bb0fe68d7b01c1fc1caab4dc791f377e8c',
    stsHash: '2b1b2515e48cb55e043ff2ec5b93d3f13ec287e1da1d7a2e4e14b0611a341969',
    signature: '436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f',
  },
  {
    name: 'A1',
    method: 'GET',
    url: A1_URL,
    headers: { ...A_HEADERS, 'x-language': 'en-us', host: 'cloudartifacts-ext.cn-north-4.myhuaweicloud.com' },
    body: '',
    signedHeaders: ['host', 'x-language', 'x-project-id', 'x-sdk-date'],
    canonical: [
      'GET',
      '/cloudartifact/v5/repositories/0123456789abcdef0123456789abcdef/cn-north-4_a1b2c3d4e5f60718293a4b5c6d7e8f90_maven_1/privileges/',
      '',
      'host:cloudartifacts-ext.cn-north-4.myhuaweicloud.com\nx-language:en-us\nx-project-id:fedcba9876543210fedcba9876543210\nx-sdk-date:20240102T030405Z\n',
      'host;x-language;x-project-id;x-sdk-date',
      EMPTY_BODY_SHA256,
    ].join('\n'),
    stsHash: '52cdc210fc121b5501e7b8db98ded0188f33592ca4ad56dfd812d0c9a0931651',
    signature: 'f4a4ff28fa314d43222dd37cfcabd31038db6659eab5c1f6fc0170f9d6421e7d',
  },
  {
    name: 'A2',
    method: 'GET',
    url: A1_URL,
    headers: {
      ...A_HEADERS,
      'x-language': 'en-us',
      'content-type': 'application/json',
      host: 'cloudartifacts-ext.cn-north-4.myhuaweicloud.com',
    },
    body: '',
    signedHeaders: ['content-type', 'host', 'x-language', 'x-project-id', 'x-sdk-date'],
    stsHash: '4690adefedce0dd676a3df50f46cec9c85fd191c15cbe9d1950c22930846da40',
    signature: '25e3ae099b9f73d06353b648510cd37ef236dadd84f04c40dbe0edff155d4345',
  },
  {
    name: 'A3',
    method: 'GET',
    url: 'https://cloudartifacts-ext.cn-north-4.myhuaweicloud.com/cloudartifact/v5/a1b2c3d4e5f60718293a4b5c6d7e8f90/0123456789abcdef0123456789abcdef/repositories?page_size=100&page_no=1&format_list=maven2,npm',
    headers: { ...A_HEADERS, 'content-type': 'application/json', host: 'cloudartifacts-ext.cn-north-4.myhuaweicloud.com' },
    body: '',
    signedHeaders: ['content-type', 'host', 'x-project-id', 'x-sdk-date'],
    stsHash: '733f8d16a91e18b07357ce143fa9ed49db9819718cc693f11fb9c056b03736be',
    signature: '73594dbe3597e243d8747d0c4f6a28661981a0f09c5041f5f226361c99cc4c0e',
  },
];

function canonicalOf(v: Vector): string {
  const url = new URL(v.url);
  return canonicalRequest({
    method: v.method,
    path: decodePath(url.pathname),
    query: decodeQuery(url.search.slice(1)),
    headers: Object.fromEntries(Object.entries(v.headers).map(([k, val]) => [k, [val]])),
    signedHeaders: v.signedHeaders,
    payloadHash: sha256Hex(v.body),
  });
}

describe('fake: SDK-HMAC-SHA256 canonicalization (contract §2.6 vectors)', () => {
  for (const v of VECTORS) {
    it(`${v.name}: canonical request, string-to-sign hash and signature`, () => {
      const canonical = canonicalOf(v);
      if (v.canonical) assert.equal(canonical, v.canonical);
      const sts = stringToSign(v.headers['x-sdk-date'], canonical);
      assert.equal(sts.split('\n')[2], v.stsHash);
      assert.equal(signature('SecretKey', sts), v.signature);
    });
  }

  it('A3: the query is sorted and the comma is encoded', () => {
    assert.match(canonicalOf(VECTORS[6]), /\nformat_list=maven2%2Cnpm&page_no=1&page_size=100\n/);
  });

  it('signRequest produces the exact Authorization header of P1', () => {
    const headers = signRequest({
      method: 'GET',
      url: VECTORS[2].url,
      headers: { 'X-Sdk-Date': '20200608T023900Z' },
      ak: 'AccessKey',
      sk: 'SecretKey',
    });
    assert.equal(
      headers.authorization,
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
    );
  });

  it('encodes reserved characters in path segments and query values', () => {
    const canonical = canonicalRequest({
      method: 'get',
      path: '/a b/c*d',
      query: [['q', 'x y/z']],
      headers: {},
      signedHeaders: [],
      payloadHash: EMPTY_BODY_SHA256,
    });
    assert.equal(canonical.split('\n').slice(0, 3).join('|'), 'GET|/a%20b/c%2Ad/|q=x%20y%2Fz');
  });
});
