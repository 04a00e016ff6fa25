// One responder for the team-sync tests, as its own process: appends N note entries to its
// incident folder and syncs at random moments, then syncs until it has pushed everything.
// argv: repo incidentDir incidentId count seed [remote]
import { appendEntry, newEntryId } from '../../../src/core/incident/timeline';
import { syncIncident } from '../../../src/core/team/sync';
import { applyIncoming, scanShared, shareableFiles } from '../../../src/core/team/incidentShare';

const [repo, dir, incidentId, countText, seedText, remote = 'origin'] = process.argv.slice(2);
let seed = Number(seedText) || 1;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

export async function syncOnce(): Promise<boolean> {
  const result = await syncIncident({ repo, remote, incidentId, files: shareableFiles(dir, { maxSharedOutputBytes: 1 << 20 }), scan: scanShared });
  if (result.refused) throw new Error(`refused: ${JSON.stringify(result.refused)}`);
  await applyIncoming(dir, result.incoming);
  return result.shared && result.incoming.size === 0;
}

async function main(): Promise<void> {
  const count = Number(countText);
  for (let i = 0; i < count; i++) {
    await appendEntry(dir, { id: newEntryId(), time: new Date().toISOString(), kind: 'note', actor: `seed-${seedText}`, text: `note ${i} from ${seedText}` });
    if (random() < 0.15) await syncOnce();
  }
  for (let i = 0; i < 20 && !(await syncOnce()); i++);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
