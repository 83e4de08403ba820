import type { AddedRepositories } from './addedRepositories';
import type { HuaweiSession } from './huaweiSession';
import type { Services } from '../shared/services';
import type { PermissionsTreeProvider } from './views/permissionsTree';
import type { MatrixPanel } from './matrix/matrixPanel';

/** What the permissions commands share. */
export interface PermissionsDeps {
  services: Services;
  session: HuaweiSession;
  added: AddedRepositories;
  tree: PermissionsTreeProvider;
  matrix: MatrixPanel;
}
