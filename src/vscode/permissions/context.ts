import type { FeatureContext } from '../shared/featureContext';
import type { AddedRepositories } from './addedRepositories';
import type { HuaweiSession } from './huaweiSession';
import type { MatrixPanel } from './matrix/matrixPanel';
import type { PermissionsTreeProvider } from './views/permissionsTree';

/** What the Repository Permissions commands and views work with; built once in index.ts. */
export interface PermissionsContext extends FeatureContext {
  readonly session: HuaweiSession;
  readonly added: AddedRepositories;
  readonly tree: PermissionsTreeProvider;
  readonly matrix: MatrixPanel;
}
