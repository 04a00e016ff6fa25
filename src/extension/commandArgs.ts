import * as vscode from 'vscode';
import type { BlockKind } from '../core/runbook/types';
import { blockAtCursor, type BlockRef } from './blockAtCursor';
import type { RunbookCache } from './runbookCache';

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

/** The editor a menu's URI names (visible or active), else the active editor. */
export function editorFor(arg: unknown): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (!(arg instanceof vscode.Uri)) return active;
  if (active?.document.uri.toString() === arg.toString()) return active;
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === arg.toString());
}

/**
 * The block a command is about, from what its caller passes: `(uri, index, …rest)` from a lens
 * or a test, a Runbook Outline block item, the document URI from an editor menu (the block under
 * that editor's cursor), or nothing from the palette (the block under the active cursor).
 */
export function blockArgs(runbooks: RunbookCache, args: readonly unknown[], kind?: BlockKind): { at: BlockRef; rest: unknown[] } | undefined {
  const [first, second] = args;
  if (first instanceof vscode.Uri && typeof second === 'number' && second > 0) return { at: { uri: first, index: second }, rest: args.slice(2) };
  const node = first as { kind?: unknown; uri?: unknown; block?: { index?: unknown } } | undefined;
  if (node && node.kind === 'block' && node.uri instanceof vscode.Uri && typeof node.block?.index === 'number') return { at: { uri: node.uri, index: node.block.index }, rest: [] };
  const found = blockAtCursor(runbooks, editorFor(first), kind);
  return found ? { at: { uri: found.uri, index: found.index }, rest: [] } : undefined;
}
