import { FAKE_HUAWEI } from '../../fake/server';

/** Arguments for `coscene.huawei.signIn` that the fake accepts (they bypass the sign-in UI). */
export const PASSWORD_SIGN_IN = {
  method: 'password',
  userName: FAKE_HUAWEI.iamUser,
  password: FAKE_HUAWEI.iamPassword,
  domainName: FAKE_HUAWEI.domainName,
  region: FAKE_HUAWEI.region,
  codeartsProjectId: FAKE_HUAWEI.codeartsProjectId,
};

export const AKSK_SIGN_IN = {
  method: 'aksk',
  ak: FAKE_HUAWEI.ak,
  sk: FAKE_HUAWEI.sk,
  region: FAKE_HUAWEI.region,
  domainId: FAKE_HUAWEI.domainId,
  codeartsProjectId: FAKE_HUAWEI.codeartsProjectId,
};
