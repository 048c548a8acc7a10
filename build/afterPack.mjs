// electron-builder afterPack hook: flips the Electron fuses of the packaged binary before it is
// signed, so a signed Patch Auditor cannot be turned into a general Node.js runtime
// (RunAsNode, NODE_OPTIONS, --inspect) nor made to load code from outside its checked app.asar.
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { join } from 'node:path';

export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The file that carries the fuse wire: the .app bundle on macOS, the executable elsewhere. */
export function electronBinaryPath({ platform, appOutDir, productFilename, executableName }) {
  if (platform === 'darwin' || platform === 'mas') return join(appOutDir, `${productFilename}.app`);
  if (platform === 'win32') return join(appOutDir, `${productFilename}.exe`);
  return join(appOutDir, executableName);
}

export async function afterPack(context) {
  const binary = electronBinaryPath({
    platform: context.electronPlatformName,
    appOutDir: context.appOutDir,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName ?? context.packager.appInfo.productFilename,
  });
  await flipFuses(binary, {
    ...FUSES,
    // Apple Silicon refuses a binary whose ad-hoc signature no longer matches; a real identity re-signs later.
    resetAdHocDarwinSignature:
      context.electronPlatformName === 'darwin' && (context.arch === Arch.arm64 || context.arch === Arch.universal),
  });
}
