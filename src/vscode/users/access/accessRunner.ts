import * as vscode from 'vscode';
import type { AccessMatrix, UserAccess } from '../../../core/access/matrix';
import type { ScanProgress } from '../../../core/access/model';
import { requestThrottle } from '../../../core/access/limiter';
import { AccessSession } from '../../../core/access/session';
import { withAbortSignal } from '../../shared/commands';
import type { ActiveProfile } from '../../shared/featureContext';
import { ACCESS_SETTINGS } from '../keys';

/** `coscene.access.concurrency`: requests in flight while scanning projects (1–32, default 8). */
export function configuredConcurrency(): number {
  return vscode.workspace.getConfiguration(ACCESS_SETTINGS).get<number>('concurrency', 8);
}

/**
 * The access overview of the session: one AccessSession (scans kept per profile until Refresh), and the
 * cancellable "12 / 50 projects" progress every scan runs under.
 */
export class AccessRunner {
  readonly session = new AccessSession(requestThrottle);

  constructor(private readonly profiles: ActiveProfile) {}

  profileKey(): string {
    const p = this.profiles.current();
    return p ? `${p.source}:${p.name}` : '';
  }

  /** Refresh: the next Show Access or export reads the projects again. */
  drop(): void {
    this.session.drop();
  }

  userAccess(userName: string, includeArchived: boolean): Thenable<UserAccess> {
    return this.withProgress(vscode.l10n.t('Reading the access of {0}', userName), (signal, onProgress) =>
      this.profiles.api().then((api) =>
        this.session.userAccess(this.profileKey(), api, userName, {
          includeArchived,
          concurrency: configuredConcurrency(),
          signal,
          onProgress,
        }),
      ),
    );
  }

  matrix(includeArchived: boolean): Thenable<AccessMatrix> {
    return this.withProgress(vscode.l10n.t('Reading who can access what'), (signal, onProgress) =>
      this.profiles
        .api()
        .then((api) =>
          this.session.matrix(this.profileKey(), api, { includeArchived, concurrency: configuredConcurrency(), signal, onProgress }),
        ),
    );
  }

  private withProgress<T>(title: string, work: (signal: AbortSignal, onProgress: (p: ScanProgress) => void) => Promise<T>): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) =>
      withAbortSignal(token, (signal) => {
        let shown = 0;
        return work(signal, (p) => {
          const message = p.listed
            ? vscode.l10n.t('{0} / {1} projects', p.done, p.total)
            : vscode.l10n.t('{0} / {1}+ projects', p.done, p.total);
          const increment = p.total > 0 && p.listed ? (100 * p.done) / p.total - shown : undefined;
          if (increment !== undefined) shown += increment;
          progress.report({ message, ...(increment ? { increment } : {}) });
        });
      }),
    );
  }
}
