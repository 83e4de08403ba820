/** Region → endpoint table (docs/protocol.md), the only place that knows Huawei host names. */
import { endpointProblem } from '../endpointRule';
import { AccessError, msg } from '../errors';
import { redact } from '../redact';

/** GO SDK `services/codeartsartifact/v2/region/region.go` @ 1cd70eb. The table has changed over time; keep overrides possible. */
export const ARTIFACT_ENDPOINTS: Readonly<Record<string, string>> = Object.freeze({
  'cn-north-1': 'https://cloudartifacts-ext.cn-north-1.myhuaweicloud.com',
  'cn-north-4': 'https://cloudartifacts-ext.cn-north-4.myhuaweicloud.com',
  'cn-east-2': 'https://cloudartifacts-ext.cn-east-2.myhuaweicloud.com',
  'cn-east-3': 'https://cloudartifacts-ext.cn-east-3.myhuaweicloud.com',
  'cn-south-1': 'https://artifact.cn-south-1.myhuaweicloud.com',
  'cn-south-2': 'https://cloudartifacts-ext.cn-south-2.myhuaweicloud.com',
  'cn-southwest-2': 'https://cloudartifacts-ext.cn-southwest-2.myhuaweicloud.com',
  'ap-southeast-3': 'https://artifact.ap-southeast-3.myhuaweicloud.com',
  'sa-brazil-1': 'https://cloudartifacts-ext.sa-brazil-1.myhuaweicloud.com',
  'la-south-2': 'https://cloudartifacts-ext.la-south-2.myhuaweicloud.com',
  'la-north-2': 'https://cloudartifacts-ext.la-north-2.myhuaweicloud.com',
  'tr-west-1': 'https://cloudartifacts-ext.tr-west-1.myhuaweicloud.com',
  'me-east-1': 'https://artifact.me-east-1.myhuaweicloud.com',
  'af-south-1': 'https://artifact.af-south-1.myhuaweicloud.com',
  'af-north-1': 'https://artifact.af-north-1.myhuaweicloud.com',
});

/**
 * Domains whose hosts count as Huawei Cloud for the "not a Huawei Cloud host" warning. [?] The list is ours
 * (the public console and API domains); an endpoint elsewhere still works, it only warns.
 */
export const HUAWEI_CLOUD_DOMAINS: readonly string[] = Object.freeze([
  'myhuaweicloud.com',
  'huaweicloud.com',
  'myhuaweicloud.eu',
  'huaweicloud.eu',
  'myhwclouds.com',
]);

export const HUAWEI_REGIONS: readonly string[] = Object.freeze(Object.keys(ARTIFACT_ENDPOINTS));

/**
 * The regions' names as the Huawei Cloud console shows them (international site / Chinese site), for the region pick
 * and the setting's enumDescriptions (package.nls*.json: `config.huawei.region.<id>`, checked against this table).
 */
export const HUAWEI_REGION_NAMES: Readonly<Record<string, { en: string; zh: string }>> = Object.freeze({
  'cn-north-1': { en: 'CN North-Beijing1', zh: '华北-北京一' },
  'cn-north-4': { en: 'CN North-Beijing4', zh: '华北-北京四' },
  'cn-east-2': { en: 'CN East-Shanghai2', zh: '华东-上海二' },
  'cn-east-3': { en: 'CN East-Shanghai1', zh: '华东-上海一' },
  'cn-south-1': { en: 'CN South-Guangzhou', zh: '华南-广州' },
  'cn-south-2': { en: 'CN South-Shenzhen', zh: '华南-深圳' },
  'cn-southwest-2': { en: 'CN Southwest-Guiyang1', zh: '西南-贵阳一' },
  'ap-southeast-3': { en: 'AP-Singapore', zh: '亚太-新加坡' },
  'sa-brazil-1': { en: 'LA-Sao Paulo1', zh: '拉美-圣保罗一' },
  'la-south-2': { en: 'LA-Santiago', zh: '拉美-圣地亚哥' },
  'la-north-2': { en: 'LA-Mexico City2', zh: '拉美-墨西哥城二' },
  'tr-west-1': { en: 'TR-Istanbul', zh: '土耳其-伊斯坦布尔' },
  'me-east-1': { en: 'ME-Riyadh', zh: '中东-利雅得' },
  'af-south-1': { en: 'AF-Johannesburg', zh: '非洲-约翰内斯堡' },
  'af-north-1': { en: 'AF-Cairo', zh: '非洲-开罗' },
});

/** The console's name of `region` ("CN North-Beijing4" / "华北-北京四"); undefined for a region not in the table. */
export function regionName(region: string, lang: 'en' | 'zh'): string | undefined {
  return Object.hasOwn(HUAWEI_REGION_NAMES, region) ? HUAWEI_REGION_NAMES[region]![lang] : undefined;
}

const REGION_ID = /^[a-z]{2}-[a-z]+-\d{1,2}$/;

/** The override when set (validated), else the table entry for the region. */
export function artifactEndpoint(region: string, override?: string): string {
  if (override?.trim()) return validateEndpointOverride(override);
  const endpoint = ARTIFACT_ENDPOINTS[region];
  if (endpoint === undefined) {
    throw new AccessError(
      msg('Unknown Huawei Cloud region "{0}". Choose a listed region or set the CodeArts Artifact endpoint in the settings.', region),
      ['openHuaweiSettings'],
    );
  }
  return endpoint;
}

/** The override when set (validated), else `https://iam.<region>.myhuaweicloud.com` (IAM serves more regions than Artifact). */
export function iamEndpoint(region: string, override?: string): string {
  if (override?.trim()) return validateEndpointOverride(override);
  if (!REGION_ID.test(region)) {
    throw new AccessError(msg('"{0}" is not a valid Huawei Cloud region ID (for example cn-north-4).', region), ['openHuaweiSettings']);
  }
  return `https://iam.${region}.myhuaweicloud.com`;
}

/**
 * The shared endpoint rule (https, http only for loopback, no user name or password), and no query or fragment.
 * Returns origin plus path without a trailing slash, ready for appending API paths.
 */
export function validateEndpointOverride(value: string): string {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidEndpoint(redact(text).slice(0, 200));
  }
  if (endpointProblem(text) || url.search || url.hash) throw invalidEndpoint(`${url.protocol}//${url.host}${url.pathname}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function invalidEndpoint(shown: string): AccessError {
  return new AccessError(
    msg('The endpoint "{0}" is not allowed. Use an https:// URL (http:// only for localhost) without user name, query or fragment.', shown),
    ['openHuaweiSettings'],
  );
}
