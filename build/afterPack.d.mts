import type { FuseV1Config } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

export declare const FUSES: FuseV1Config;
export declare function electronBinaryPath(target: {
  platform: string;
  appOutDir: string;
  productFilename: string;
  executableName: string;
}): string;
export declare function afterPack(context: AfterPackContext): Promise<void>;
