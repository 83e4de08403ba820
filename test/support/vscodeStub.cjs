/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, module */
'use strict';
// A minimal, generic `vscode` stand-in for the benchmarks (test/bench) and the unit tests that activate the extension
// in plain Node: real classes where the extension extends or reads them (TreeItem, EventEmitter, Disposable,
// ThemeIcon, Uri, …), a Proxy "anything" for the rest, so new API calls made during activation do not break a
// benchmark. Installed with a Module._load hook.
const Module = require('node:module');
const path = require('node:path');

/** A callable, constructible object whose every property is another stub (and that is thenable-safe). */
function anything(name = 'stub') {
  const target = function () {};
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a promise
      if (prop === Symbol.toPrimitive) return () => 0;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'toString' || prop === 'toJSON') return () => name;
      if (prop === 'dispose') return () => undefined;
      if (typeof prop === 'symbol') return undefined;
      return anything(`${name}.${String(prop)}`);
    },
    set: () => true,
    apply: () => anything(`${name}()`),
    construct: () => anything(`new ${name}`),
  });
}

/** Plain object with given members; any other member is a stub. */
function partial(name, members) {
  return new Proxy(members, {
    get(t, prop) {
      if (prop in t) return t[prop];
      if (typeof prop === 'symbol' || prop === 'then') return undefined;
      return anything(`${name}.${String(prop)}`);
    },
  });
}

class Disposable {
  constructor(fn) {
    this._fn = fn;
  }
  static from(...ds) {
    return new Disposable(() => ds.forEach((d) => d?.dispose?.()));
  }
  dispose() {
    const f = this._fn;
    this._fn = undefined;
    f?.();
  }
}

class EventEmitter {
  constructor() {
    this._listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const l = thisArg ? listener.bind(thisArg) : listener;
      this._listeners.add(l);
      const d = new Disposable(() => this._listeners.delete(l));
      disposables?.push?.(d);
      return d;
    };
  }
  fire(value) {
    for (const l of [...this._listeners]) l(value);
  }
  dispose() {
    this._listeners.clear();
  }
}

class TreeItem {
  constructor(labelOrUri, collapsibleState = 0) {
    if (typeof labelOrUri === 'string' || (labelOrUri && typeof labelOrUri === 'object' && 'label' in labelOrUri)) this.label = labelOrUri;
    else this.resourceUri = labelOrUri;
    this.collapsibleState = collapsibleState;
  }
}

class ThemeIcon {
  constructor(id, color) {
    this.id = id;
    this.color = color;
  }
}
ThemeIcon.File = new ThemeIcon('file');
ThemeIcon.Folder = new ThemeIcon('folder');
class ThemeColor {
  constructor(id) {
    this.id = id;
  }
}
class MarkdownString {
  constructor(value = '', supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
  }
  appendText(t) {
    this.value += t;
    return this;
  }
  appendMarkdown(t) {
    this.value += t;
    return this;
  }
  appendCodeblock(t, lang = '') {
    this.value += `\n\`\`\`${lang}\n${t}\n\`\`\`\n`;
    return this;
  }
}

class Uri {
  constructor(scheme, fsPath, query = '', fragment = '') {
    this.scheme = scheme;
    this.fsPath = fsPath;
    this.path = fsPath;
    this.query = query;
    this.fragment = fragment;
  }
  static file(p) {
    return new Uri('file', p);
  }
  static parse(s) {
    const m = /^([\w+.-]+):(.*)$/.exec(s);
    return m ? new Uri(m[1], m[2]) : new Uri('file', s);
  }
  static joinPath(base, ...parts) {
    return new Uri(base.scheme, path.posix.join(base.path, ...parts));
  }
  static from(c) {
    return new Uri(c.scheme, c.path ?? '', c.query, c.fragment);
  }
  with(c) {
    return new Uri(c.scheme ?? this.scheme, c.path ?? this.path, c.query ?? this.query, c.fragment ?? this.fragment);
  }
  toString() {
    return `${this.scheme}:${this.path}`;
  }
  toJSON() {
    return this.toString();
  }
}

class CancellationTokenSource {
  constructor() {
    this._e = new EventEmitter();
    this.token = { isCancellationRequested: false, onCancellationRequested: this._e.event };
  }
  cancel() {
    this.token.isCancellationRequested = true;
    this._e.fire();
  }
  dispose() {
    this._e.dispose();
  }
}

/** Configuration: `get(key, default)` returns the override from `settings` or the default. */
function configuration(settings, section) {
  const full = (key) => (section ? `${section}.${key}` : key);
  return partial('WorkspaceConfiguration', {
    get: (key, def) => (full(key) in settings ? settings[full(key)] : def),
    has: (key) => full(key) in settings,
    inspect: (key) => ({ key: full(key), globalValue: settings[full(key)] }),
    update: async (key, value) => {
      settings[full(key)] = value;
    },
  });
}

/** Runtime (non-type) top-level names of the `vscode` module, from @types/vscode. */
function apiNames() {
  const fs = require('node:fs');
  const dts = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  return new Set([...dts.matchAll(/^\t(?:export )?(?:class|enum|namespace|const|function|let) (\w+)/gm)].map((m) => m[1]));
}

/** Builds the module; `commands` collects registered handlers so the benchmark can run them. */
function createVscode(options = {}) {
  const settings = options.settings ?? {};
  const commands = new Map();
  const trees = new Map();
  const disposable = () => new Disposable(() => undefined);
  const noEvent = () => disposable();
  const outputChannel = (name) =>
    partial('OutputChannel', {
      name,
      append() {},
      appendLine() {},
      replace() {},
      clear() {},
      show() {},
      hide() {},
      dispose() {},
      trace() {},
      debug() {},
      info() {},
      warn() {},
      error() {},
      logLevel: 2,
      onDidChangeLogLevel: noEvent,
    });
  const vscode = {
    Disposable,
    EventEmitter,
    TreeItem,
    ThemeIcon,
    ThemeColor,
    MarkdownString,
    Uri,
    CancellationTokenSource,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    version: '1.96.0',
    env: partial('env', {
      language: 'en',
      appName: 'bench',
      machineId: 'bench',
      sessionId: 'bench',
      uiKind: 1,
      clipboard: partial('clipboard', { readText: async () => '', writeText: async () => undefined }),
      openExternal: async () => true,
    }),
    l10n: partial('l10n', {
      t: (message, ...args) => {
        const text = typeof message === 'string' ? message : message.message;
        const values = Array.isArray(args[0]) ? args[0] : typeof args[0] === 'object' && args[0] ? args[0] : args;
        return text.replace(/\{(\w+)\}/g, (m, k) => (values[k] !== undefined ? String(values[k]) : m));
      },
      bundle: undefined,
      uri: undefined,
    }),
    commands: partial('commands', {
      registerCommand: (id, fn) => {
        commands.set(id, fn);
        return new Disposable(() => commands.delete(id));
      },
      executeCommand: async (id, ...args) => (commands.has(id) ? commands.get(id)(...args) : undefined),
      getCommands: async () => [...commands.keys()],
    }),
    window: partial('window', {
      createOutputChannel: outputChannel,
      createStatusBarItem: () => partial('StatusBarItem', { show() {}, hide() {}, dispose() {} }),
      registerTreeDataProvider: (id, provider) => {
        trees.set(id, provider);
        return disposable();
      },
      createTreeView: (id, opts) => {
        trees.set(id, opts.treeDataProvider);
        return partial('TreeView', {
          visible: true,
          reveal: async () => undefined,
          dispose() {},
          onDidChangeVisibility: noEvent,
          onDidExpandElement: noEvent,
          onDidCollapseElement: noEvent,
          onDidChangeSelection: noEvent,
          selection: [],
        });
      },
      registerWebviewPanelSerializer: disposable,
      showInformationMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showErrorMessage: async () => undefined,
      withProgress: async (_o, task) => task({ report() {} }, new CancellationTokenSource().token),
      onDidChangeActiveTextEditor: noEvent,
      onDidChangeWindowState: noEvent,
      onDidCloseTerminal: noEvent,
      onDidOpenTerminal: noEvent,
      terminals: [],
      visibleTextEditors: [],
      activeTextEditor: undefined,
    }),
    workspace: partial('workspace', {
      getConfiguration: (section) => configuration(settings, section),
      onDidChangeConfiguration: noEvent,
      onDidChangeWorkspaceFolders: noEvent,
      onDidGrantWorkspaceTrust: noEvent,
      onDidOpenTextDocument: noEvent,
      onDidCloseTextDocument: noEvent,
      onDidChangeTextDocument: noEvent,
      onDidSaveTextDocument: noEvent,
      createFileSystemWatcher: () =>
        partial('FileSystemWatcher', { onDidChange: noEvent, onDidCreate: noEvent, onDidDelete: noEvent, dispose() {} }),
      registerTextDocumentContentProvider: disposable,
      isTrusted: true,
      workspaceFolders: undefined,
      textDocuments: [],
    }),
  };
  // The real module has ~200 top-level members (esbuild's __toESM copies them for every importing module): give the
  // stand-in the same names, as stubs where not defined above, so that cost is not understated.
  for (const name of apiNames()) if (!(name in vscode)) vscode[name] = anything(name);
  return { vscode: partial('vscode', vscode), commands, trees, settings };
}

/** In-memory Memento / SecretStorage and an ExtensionContext whose unknown members are stubs. */
/** `mode`: the ExtensionMode; Production (1) by default, as users run it; Test (3) hands out the test API. */
function createContext(root, mode = 1) {
  const store = new Map();
  const memento = () => {
    const m = new Map();
    return partial('Memento', {
      get: (k, d) => (m.has(k) ? m.get(k) : d),
      update: async (k, v) => {
        if (v === undefined) m.delete(k);
        else m.set(k, v);
      },
      keys: () => [...m.keys()],
      setKeysForSync() {},
    });
  };
  const secretChanged = new EventEmitter();
  return partial('ExtensionContext', {
    subscriptions: [],
    globalState: memento(),
    workspaceState: memento(),
    secrets: partial('SecretStorage', {
      get: async (k) => store.get(k),
      store: async (k, v) => {
        store.set(k, v);
        secretChanged.fire({ key: k });
      },
      delete: async (k) => {
        store.delete(k);
        secretChanged.fire({ key: k });
      },
      onDidChange: secretChanged.event,
    }),
    extensionPath: root,
    extensionUri: Uri.file(root),
    globalStorageUri: Uri.file(path.join(root, '.bench-storage')),
    storageUri: undefined,
    logUri: Uri.file(path.join(root, '.bench-log')),
    extensionMode: mode,
    asAbsolutePath: (p) => path.join(root, p),
    environmentVariableCollection: anything('environmentVariableCollection'),
  });
}

/** Makes `require('vscode')` return the stand-in (for this process). */
function installVscode(options) {
  const made = createVscode(options);
  const original = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'vscode') return made.vscode;
    return original.call(this, request, parent, isMain);
  };
  return made;
}

module.exports = { installVscode, createContext, anything };
