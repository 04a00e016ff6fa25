/** Loads the hand-written incidents under test/fixtures/incidents (numbers in tests are computed by hand from them). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Incident, TimelineEntry } from '../../src/core/incident/types';

export const FIXTURE_ROOT = path.join(__dirname, '..', 'fixtures', 'incidents');
export const PHOTON = '2026-10-03-1412-photon-compiler-503';

export function loadFixture(name: string): { dir: string; incident: Incident; entries: TimelineEntry[] } {
  const dir = path.join(FIXTURE_ROOT, name);
  const incident = JSON.parse(fs.readFileSync(path.join(dir, 'incident.json'), 'utf8')) as Incident;
  const entries = fs.readFileSync(path.join(dir, 'timeline.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEntry);
  return { dir, incident, entries };
}
