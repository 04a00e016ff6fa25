import * as os from 'node:os';

/** Who is at the keyboard, for the `actor` of timeline entries written from the command line. */
export function actorName(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    return process.env.USER || undefined;
  }
}
