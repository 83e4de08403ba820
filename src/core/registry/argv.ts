/** Arguments for `<client> login`: the password goes to stdin, never into argv (same for docker and podman). */
export function loginArgv(host: string, username: string): string[] {
  return ['login', host, '--username', username, '--password-stdin'];
}

export function logoutArgv(host: string): string[] {
  return ['logout', host];
}

/** The command line as the terminal shows it; arguments with spaces or quotes are single-quoted. */
export function displayCommandLine(executable: string, args: readonly string[]): string {
  return [executable, ...args].map(quoteForDisplay).join(' ');
}

function quoteForDisplay(arg: string): string {
  if (arg !== '' && /^[\w@%+=:,./[\]-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The client's name without directories, e.g. `/usr/bin/podman` → `podman` (for messages). */
export function clientName(executable: string): string {
  return executable.split(/[\\/]/).pop() || executable;
}
