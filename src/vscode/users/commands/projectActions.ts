import * as vscode from 'vscode';
import { projectWebUrl } from '../../../core/coscene/webBase';
import { escapeNotificationLinks } from '../../../core/text/serverText';
import type { Command } from '../../shared/commands';
import { copyText } from '../../shared/copyText';
import { projectFrom } from '../projectArgument';
import type { UsersContext } from '../usersContext';
import { GroupItem } from '../views/userItems';
import { ProjectItem } from '../views/projectItems';
import { exportMatrixOf } from './exportAccessMatrix';
import { exportUsersOf } from './exportUsers';

/** The Project Users view's project rows (Copy Slug, Export Members…, Access Matrix, Open in coScene) and role groups. */

export const copyProjectSlug: Command<UsersContext> = async (ctx, item) => {
  const project = projectFrom(item);
  if (!project) return;
  await copyText(ctx.ui, project.slug);
};

/** "Export Members…": every user of the project (all roles), through the users export. */
export const exportProjectMembers: Command<UsersContext> = async (ctx, item) => {
  const project = projectFrom(item);
  if (!project) return;
  const api = await ctx.profiles.api();
  await exportUsersOf(ctx, api, { slug: project.slug, parent: () => Promise.resolve(project.name) }, '');
};

/** "Access Matrix for This Project…": the access matrix export with the project filter set to this project. */
export const exportProjectMatrix: Command<UsersContext> = async (ctx, item) => {
  const project = projectFrom(item);
  if (project) await exportMatrixOf(ctx, project.slug);
};

/** "Open in coScene": the project's page of the web app, when the endpoint says where that is. */
export const openProjectInWeb: Command<UsersContext> = async (ctx, item) => {
  const project = projectFrom(item);
  const profile = ctx.profiles.current();
  if (!project || !profile) return;
  const org = profile.org || (await (await ctx.profiles.api()).getOrganization()).slug;
  const url = projectWebUrl(profile.endpoint, org, project.slug);
  if (!url) {
    void ctx.ui.showWarningMessage(
      escapeNotificationLinks(
        vscode.l10n.t(
          'The web address of this project cannot be derived from the endpoint {0}: only https://openapi.<host> endpoints have a known web app.',
          profile.endpoint,
        ),
      ),
    );
    return;
  }
  await ctx.ui.openExternal(vscode.Uri.parse(url, true));
};

/** A role group's "Export Users with This Role…": the organization's or the group's project's users with that role. */
export const exportGroupUsers: Command<UsersContext> = async (ctx, item) => {
  if (!(item instanceof GroupItem) || !item.code || !(ctx.orgUsers.owns(item) || ctx.projectUsers.owns(item))) return;
  const api = await ctx.profiles.api();
  const parent = ctx.projectUsers.owns(item) ? ctx.projectUsers.getParent(item) : undefined;
  if (ctx.projectUsers.owns(item) && !(parent instanceof ProjectItem)) return;
  const project = parent instanceof ProjectItem ? parent.project : undefined;
  await exportUsersOf(ctx, api, { slug: project?.slug ?? '', parent: () => Promise.resolve(project?.name ?? '') }, item.code);
};
