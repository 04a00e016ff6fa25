import * as fs from 'node:fs';

/**
 * Signals a whole process group (the block's shell, its children and grandchildren).
 * Returns false when the group no longer exists.
 */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** True while `pid` runs (EPERM: it exists but belongs to someone else). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True while a process of the group is still running. Zombies do not count: an orphan that
 * was killed may wait a while to be reaped by an init that is slow (or absent in containers).
 */
export function groupAlive(pgid: number): boolean {
  if (process.platform !== 'linux') return signalGroup(pgid, 0);
  let names: string[];
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return signalGroup(pgid, 0);
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const state = procState(Number(name));
    if (state && state.pgrp === pgid && state.state !== 'Z' && state.state !== 'X') return true;
  }
  return false;
}

/** Reads state and process group from /proc/PID/stat (undefined when the process is gone). */
export function procState(pid: number): { state: string; pgrp: number } | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name is in parentheses and may itself contain spaces or parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], pgrp: Number(fields[2]) };
}
