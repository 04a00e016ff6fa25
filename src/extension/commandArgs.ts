import * as vscode from 'vscode';

/*
 * Menus call commands with their own context, not with the arguments a command documents:
 * a view's title bar passes the focused tree element (or null), item menus the tree item,
 * editor menus the resource URI. Commands read an argument only when it has their shape.
 */

export function stringArg(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function oneOfArg<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function uriArg(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}

/** A plain options object whose keys are all among `keys` (a tree node or a URI is not one). */
export function optionsArg<T extends object>(value: unknown, keys: readonly (keyof T & string)[]): T | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof vscode.Uri) return undefined;
  const own = Object.keys(value);
  return own.length > 0 && own.every((k) => (keys as readonly string[]).includes(k)) ? (value as T) : undefined;
}
