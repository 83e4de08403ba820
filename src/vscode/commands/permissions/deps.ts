import type { AddedRepositories } from '../../huawei/addedRepositories';
import type { HuaweiSession } from '../../huawei/huaweiSession';
import type { Services } from '../../services';
import type { PermissionsTreeProvider } from '../../views/permissionsTree';
import type { MatrixPanel } from '../../webview/matrixPanel';

/** What the permissions commands share. */
export interface PermissionsDeps {
  services: Services;
  session: HuaweiSession;
  added: AddedRepositories;
  tree: PermissionsTreeProvider;
  matrix: MatrixPanel;
}
