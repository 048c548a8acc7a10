export type PackageKind = 'npm' | 'node' | 'electron' | 'sqlite';

export interface Layer {
  name: string;
  files: readonly string[];
  imports: readonly string[] | '*';
  packages: readonly PackageKind[];
  entries?: readonly string[];
}

export interface LayerException {
  from: string;
  to: string;
  why: string;
}

export declare const ROOT: string;
export declare const CORE_LAYERS: readonly string[];
export declare const LAYERS: readonly Layer[];
export declare const EXCEPTIONS: readonly LayerException[];
export declare const SOURCE_FILE: RegExp;
export declare function globRegExp(glob: string): RegExp;
export declare function layerOf(path: string): Layer | undefined;
export declare function layerNamed(name: string): Layer | undefined;
export declare function packageKind(spec: string): PackageKind;
export declare function resolveImport(from: string, spec: string): string;
export declare function importProblem(from: string, spec: string): string | null;
