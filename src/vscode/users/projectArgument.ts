import type { Project } from '../../core/coscene/model';
import { ProjectItem } from './views/projectItems';

/** A project row's menu command gets the tree item; nothing else is accepted. */
export function projectFrom(arg: unknown): Project | undefined {
  return arg instanceof ProjectItem ? arg.project : undefined;
}
