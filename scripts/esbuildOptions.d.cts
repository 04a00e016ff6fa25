import type { BuildOptions } from 'esbuild';

export declare const nodeBundle: BuildOptions & { banner: { js: string } };
export const CLI_BUNDLE: string;
export function writeCliLauncher(outDir: string): void;
