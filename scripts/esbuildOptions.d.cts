import type { BuildOptions, Plugin } from 'esbuild';

export declare const nodeBundle: BuildOptions & { banner: { js: string }; plugins: Plugin[] };
export const CLI_BUNDLE: string;
export function writeCliLauncher(outDir: string): void;
export const APART: Record<string, string>;
export const loadApart: Plugin;
export function apartBuild(pkg: string, outDir: string): BuildOptions;
