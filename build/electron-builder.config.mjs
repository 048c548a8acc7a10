// Packaging for Windows (NSIS), macOS (dmg) and Linux (AppImage, deb): `npm run dist` builds
// for the machine it runs on. Validated offline by test/unit/packaging.test.ts.

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'io.github.patch-auditor.desktop',
  productName: 'Patch Auditor',
  copyright: 'Copyright © Patch Auditor contributors',
  directories: { output: 'dist', buildResources: 'build' },
  // The main process and preload are esbuild bundles and the renderer a Vite build, all in out/;
  // electron-builder adds the production node_modules itself (better-sqlite3 is the one the
  // bundles leave external). Left out: better-sqlite3's C sources and build leftovers, and tsx
  // with its esbuild binaries, which only the command-line tool loads, and TypeScript sources
  // and source maps that modules ship beside their JavaScript.
  files: [
    'out/**/*',
    'package.json',
    '!out/**/*.map',
    '!node_modules/better-sqlite3/{deps,src,docs,benchmark}/**',
    '!node_modules/better-sqlite3/build/{deps,Release/obj,Release/obj.target,Release/.deps}/**',
    '!node_modules/better-sqlite3/build/Release/{test_extension.node,*.a}',
    '!node_modules/{tsx,esbuild,@esbuild}/**',
    '!node_modules/**/*.{ts,mts,cts,map}',
  ],
  asar: true,
  // A .node file cannot be dlopen()ed from inside an archive.
  asarUnpack: ['**/*.node'],
  // The scheme in the README ("Native modules"): `npm run dist` first switches better-sqlite3 to
  // the Electron build (build/scripts/nativeAbi.ts); a second rebuild here would need headers.
  npmRebuild: false,
  afterPack: './build/afterPack.mjs',
  fileAssociations: [
    {
      ext: 'patchaudit',
      name: 'Patch Auditor snapshot',
      description: 'Patch Auditor snapshot',
      mimeType: 'application/x-patchaudit',
      role: 'Editor',
      icon: 'build/icons/512x512.png',
    },
  ],
  mac: {
    category: 'public.app-category.developer-tools',
    icon: 'build/icons/1024x1024.png',
    target: ['dmg'],
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  dmg: { writeUpdateInfo: false },
  win: {
    icon: 'build/icons/256x256.png',
    target: ['nsis'],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    differentialPackage: false,
  },
  linux: {
    icon: 'build/icons',
    executableName: 'patch-auditor',
    category: 'Development',
    synopsis: 'Audit AWS accounts for Systems Manager Patch Manager',
    target: ['AppImage', 'deb'],
    maintainer: 'Patch Auditor <patch-auditor@users.noreply.github.com>',
  },
  deb: {
    // Electron's runtime libraries on Debian/Ubuntu; libsecret lets the cookie-encryption fuse use the keyring.
    depends: ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'],
  },
  publish: null,
};

export default config;
