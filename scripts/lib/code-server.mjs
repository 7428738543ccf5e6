// A real VS Code on a machine without Microsoft's download hosts: code-server (VS Code's
// workbench served over HTTP, from the npm registry) driven by Debian's headless Chromium.
// Shared by scripts/vscode-test.mjs (integration suite) and scripts/demo.mjs (demo and
// screenshots). See the comments on each export; Linux x64 is the supported platform.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { URLSearchParams, fileURLToPath } from 'node:url';

/** The repository root (this file lives in scripts/lib/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** code-server 4.100.3 bundles VS Code 1.100.3 and is the last release that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

/** Where code-server is installed on demand (gitignored; delete it to force a reinstall). */
const INSTALL_DIR = path.join(REPO_ROOT, '.vscode-test', 'code-server');

/**
 * VS Code's own dependencies (installed by code-server's postinstall in lib/vscode and
 * lib/vscode/extensions) whose install scripts must run: native modules built with
 * node-gyp, ripgrep, and esbuild for the built-in extensions.
 */
const VSCODE_INSTALL_SCRIPTS = [
  '@parcel/watcher',
  '@vscode/deviceid',
  '@vscode/ripgrep',
  '@vscode/spdlog',
  'esbuild',
  'kerberos',
  'native-watchdog',
  'node-pty',
];

/** @vscode/ripgrep (a VS Code dependency) downloads this tarball unless its cache has it. */
const RIPGREP_CACHE = {
  dir: 'vscode-ripgrep-cache-1.15.11',
  tarball: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
};

/** Chromium flags for a headless run in a container. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** User settings for a quiet, deterministic workbench. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
};

const TAG = `[${path.basename(process.argv[1] ?? 'harness', '.mjs')}]`;

/** Prints a progress line of the harness (not of the editor or the suite). */
export function log(message) {
  console.log(`${TAG} ${message}`);
}

/** Seconds since `start` (a `performance.now()` value), for progress lines. */
export function seconds(start) {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}

/** The first executable named `names` on PATH, or undefined. */
export function which(...names) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * The environment for child processes: without the variables `npm run` exports (they
 * would point a nested npm at this repository) and without a parent VS Code's variables
 * (run from a code-server terminal, `--install-extension` would go to that instance).
 * Network settings a user put in npm_config_* are kept.
 */
export function cleanEnv(extra = {}) {
  const keepNpm = new Set([
    'npm_config_registry',
    'npm_config_cafile',
    'npm_config_proxy',
    'npm_config_https_proxy',
    'npm_config_noproxy',
    'npm_config_strict_ssl',
    'npm_config_cache',
    'npm_config_userconfig',
    'npm_config_globalconfig',
  ]);
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_') && !keepNpm.has(lower)) continue;
    if (key === 'INIT_CWD' || key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs a command, streaming its output; throws with `what` if it fails. */
function run(command, args, { cwd, env, what }) {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${what}: \`${command} ${args.join(' ')}\` exited with ${result.status}`);
  }
}

/** True if a process with this id exists. */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Runs `fn` holding a lock directory, so two runs never install into the same folder. */
async function withLock(lockDir, fn) {
  const pidFile = path.join(lockDir, 'pid');
  for (let waited = 0; ; waited++) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(pidFile, String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let owner = NaN;
    try {
      owner = Number(fs.readFileSync(pidFile, 'utf8'));
    } catch {
      // being created right now, or left empty by a crash
    }
    const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (owner ? !isAlive(owner) : age > 30_000) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (waited === 0) log(`waiting for another process (pid ${owner || '?'}) to finish installing`);
    if (waited > 900) throw new Error(`gave up waiting for the lock ${lockDir}`);
    await delay(1000);
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Puts Debian's `rg` into the cache where @vscode/ripgrep's postinstall looks before it
 * downloads a release from GitHub (not reachable here). Linux x64 only; elsewhere the
 * download is left to @vscode/ripgrep.
 */
export function seedRipgrepCache() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return;
  const cacheDir = path.join(os.tmpdir(), RIPGREP_CACHE.dir);
  const tarball = path.join(cacheDir, RIPGREP_CACHE.tarball);
  if (fs.existsSync(tarball)) return;
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep is not installed: apt-get install ripgrep');
  fs.mkdirSync(cacheDir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-seed-'));
  try {
    fs.copyFileSync(rg, path.join(stage, 'rg'));
    fs.chmodSync(path.join(stage, 'rg'), 0o755);
    const partial = `${tarball}.${process.pid}.partial`;
    run('tar', ['czf', partial, '-C', stage, 'rg'], { what: 'packing rg for the ripgrep cache' });
    fs.renameSync(partial, tarball);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  log(`seeded the ripgrep cache from ${rg}`);
}

/** Node's own headers (e.g. /usr/include/node from Debian), so node-gyp never downloads them. */
function nodeHeadersDir() {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

/**
 * Installs code-server into .vscode-test/code-server unless that install is complete and
 * was built for this Node. Returns the path of its entry script (run it with `node`).
 *
 * code-server ships npm-shrinkwrap.json files for itself and for VS Code's dependencies,
 * so the exact version below pins the whole tree. Its postinstall runs `npm install` in
 * lib/vscode and lib/vscode/extensions, which are separate npm projects: npm 11 runs
 * their dependencies' install scripts only if those projects allow them, and refuses
 * `allow-scripts` passed through the environment, so the install goes in two steps:
 * `npm install --ignore-scripts`, then an `.npmrc` with `allow-scripts` in each nested
 * project, then `npm rebuild` to run code-server's postinstall. It happens in a staging
 * folder that is renamed into place at the end, so a failed install is never taken for
 * a good one.
 */
export async function ensureCodeServer() {
  const entry = path.join(INSTALL_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const stampFile = path.join(INSTALL_DIR, 'installed.json');
  const wanted = JSON.stringify({
    codeServer: CODE_SERVER_VERSION,
    nodeModuleVersion: process.versions.modules,
    platform: `${process.platform}-${process.arch}`,
  });
  const isInstalled = () => {
    try {
      return fs.readFileSync(stampFile, 'utf8') === wanted && fs.existsSync(entry);
    } catch {
      return false;
    }
  };
  if (isInstalled()) return entry;

  fs.mkdirSync(path.dirname(INSTALL_DIR), { recursive: true });
  await withLock(`${INSTALL_DIR}.lock`, async () => {
    if (isInstalled()) return;
    const start = performance.now();
    log(
      `installing code-server@${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, INSTALL_DIR)} (about a minute)`,
    );
    seedRipgrepCache();
    const stage = `${INSTALL_DIR}.partial`;
    fs.rmSync(stage, { recursive: true, force: true });
    fs.mkdirSync(stage, { recursive: true });
    const manifest = {
      private: true,
      description:
        'code-server for the integration tests; installed by scripts/lib/code-server.mjs',
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      allowScripts: { 'code-server': true, argon2: true },
    };
    fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const headers = nodeHeadersDir();
    fs.writeFileSync(
      path.join(stage, '.npmrc'),
      [
        // code-server's postinstall refuses to run as root without unsafe-perm.
        'unsafe-perm=true',
        // node-pty's install runs `npx node-gyp`; the machine's user config says yes=false.
        'yes=true',
        'audit=false',
        'fund=false',
        'update-notifier=false',
        'package-lock=false',
        ...(headers ? [`nodedir=${headers}`] : []),
        '',
      ].join('\n'),
    );
    const env = cleanEnv();
    run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: stage,
      env,
      what: 'installing code-server',
    });
    const vscodeDir = path.join(stage, 'node_modules', 'code-server', 'lib', 'vscode');
    for (const project of [vscodeDir, path.join(vscodeDir, 'extensions')]) {
      fs.writeFileSync(
        path.join(project, '.npmrc'),
        `allow-scripts=${VSCODE_INSTALL_SCRIPTS.join(',')}\n`,
      );
    }
    run('npm', ['rebuild', 'argon2', 'code-server'], {
      cwd: stage,
      env,
      what: "running code-server's postinstall (installs VS Code's dependencies)",
    });
    const rg = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
    if (!fs.existsSync(rg) || !fs.existsSync(path.join(vscodeDir, 'node_modules.asar'))) {
      throw new Error(`code-server's postinstall did not complete (no ${rg})`);
    }
    fs.writeFileSync(path.join(stage, 'installed.json'), wanted);
    fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
    fs.renameSync(stage, INSTALL_DIR);
    log(`installed code-server in ${seconds(start)}`);
  });
  return entry;
}

/**
 * A throw-away home for one code-server run in os.tmpdir(): user data, extensions, XDG
 * folders, config and server log. `env` is the environment for code-server.
 */
export function createSandbox(name, { settings = {} } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const sandbox = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    configFile: path.join(root, 'config.yaml'),
    serverLog: path.join(root, 'server.log'),
    env: cleanEnv({
      EXTENSIONS_GALLERY: '{}',
      XDG_DATA_HOME: path.join(root, 'xdg', 'data'),
      XDG_CONFIG_HOME: path.join(root, 'xdg', 'config'),
      XDG_CACHE_HOME: path.join(root, 'xdg', 'cache'),
    }),
    /** Deletes the sandbox (never fails). */
    remove() {
      fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  for (const dir of ['XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME']) {
    fs.mkdirSync(sandbox.env[dir], { recursive: true });
  }
  fs.mkdirSync(sandbox.extensionsDir, { recursive: true });
  fs.mkdirSync(path.join(sandbox.userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(sandbox.userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2),
  );
  fs.writeFileSync(sandbox.configFile, 'auth: none\ncert: false\n');
  return sandbox;
}

/** Copies a folder into the sandbox, so the editor can change files without touching the repo. */
export function copyIntoSandbox(sandbox, source, name) {
  const target = path.join(sandbox.root, name);
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/** The arguments every code-server invocation shares (paths into the sandbox). */
function commonArgs(sandbox) {
  return [
    '--config',
    sandbox.configFile,
    '--user-data-dir',
    sandbox.userDataDir,
    '--extensions-dir',
    sandbox.extensionsDir,
  ];
}

/** Installs a packaged extension into the sandbox (offline). */
export function installExtension(entry, sandbox, vsix) {
  run(process.execPath, [entry, ...commonArgs(sandbox), '--install-extension', vsix], {
    cwd: sandbox.root,
    env: sandbox.env,
    what: `installing ${path.basename(vsix)} into code-server`,
  });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The last lines of a log file, for error messages. */
export function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts code-server in its own process group (it is stopped by killing the group: a
 * plain SIGTERM leaves VS Code's language servers behind) and resolves when it listens.
 * Returns `{ port, origin, stop() }`. Output goes to `sandbox.serverLog`, and to the
 * console too when `echo` is set.
 */
export async function startServer(entry, sandbox, { port: fixedPort, echo = false } = {}) {
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await freePort());
    try {
      return await startServerOnPort(entry, sandbox, port, echo);
    } catch (error) {
      const portTaken = /EADDRINUSE/.test(tail(sandbox.serverLog));
      if (!portTaken || fixedPort !== undefined || attempt >= 3) throw error;
      log(`port ${port} was taken; trying another`);
    }
  }
}

async function startServerOnPort(entry, sandbox, port, echo) {
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    ...commonArgs(sandbox),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const logStream = fs.createWriteStream(sandbox.serverLog, { flags: 'a' });
  const child = spawn(process.execPath, args, {
    cwd: sandbox.root,
    env: sandbox.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // Last resort if the harness dies without running its cleanup.
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const ready = new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      logStream.write(chunk);
      if (echo) process.stdout.write(chunk);
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes('HTTP server listening on')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    exited.then((code) => reject(new Error(`code-server exited with ${code} before it listened`)));
  });

  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      killGroup('SIGTERM');
      await Promise.race([exited, delay(5000)]);
      // Whatever is left in the group (language servers, the extension host) goes too.
      killGroup('SIGKILL');
      await Promise.race([exited, delay(2000)]);
      process.off('exit', onExit);
      logStream.end();
    })());

  try {
    await withTimeout(ready, 60_000, 'code-server did not start listening within 60 s');
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n--- ${sandbox.serverLog} ---\n${tail(sandbox.serverLog)}`);
  }
  return { port, origin: `http://127.0.0.1:${port}`, stop };
}

/** A `vscode-remote://` URI for a path on the server (what the workbench's `folder` and payload take). */
function remoteUri(port, fsPath) {
  return `vscode-remote://127.0.0.1:${port}${fsPath.split(path.sep).join('/')}`;
}

/**
 * The workbench URL that opens `folder`; `extensionDevelopmentPath` and
 * `extensionTestsPath` make it run an extension under development and its test suite.
 */
export function workbenchUrl(
  server,
  folder,
  { extensionDevelopmentPath, extensionTestsPath } = {},
) {
  const params = new URLSearchParams({ folder: remoteUri(server.port, folder) });
  const payload = [];
  if (extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remoteUri(server.port, extensionDevelopmentPath)]);
  }
  if (extensionTestsPath) {
    payload.push(['extensionTestsPath', remoteUri(server.port, extensionTestsPath)]);
  }
  if (payload.length > 0) {
    payload.push(['skipWelcome', 'true']);
    params.set('payload', JSON.stringify(payload));
  }
  return `${server.origin}/?${params}`;
}

/** Debian's Chromium (or CHROMIUM_PATH); Playwright never downloads a browser here. */
function findChromium() {
  const found =
    process.env.CHROMIUM_PATH ||
    which('chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome');
  if (!found) {
    throw new Error('Chromium is not installed: apt-get install chromium (or set CHROMIUM_PATH)');
  }
  return found;
}

/** Launches headless Chromium through playwright-core. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    // The harness closes the browser in its own cleanup, in order, on signals too.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** Resolves like `promise`, or rejects with `message` after `ms` (the timer is then cleared). */
export async function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Undo steps run once, most recent first: `add(fn)` as things are set up, `run()` at the
 * end. Concurrent `run()` calls (a signal during a normal exit) share one pass, so a
 * folder is never deleted while the server that writes into it is still being stopped.
 */
export function cleanupStack() {
  const steps = [];
  let running;
  return {
    add(step) {
      steps.push(step);
    },
    run() {
      running ??= (async () => {
        while (steps.length > 0) {
          try {
            await steps.pop()();
          } catch (error) {
            console.error(`cleanup: ${error.message}`);
          }
        }
      })();
      return running;
    },
  };
}
