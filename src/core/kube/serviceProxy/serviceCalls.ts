import { redactText } from '../../incident/redaction/redact';

/** One in-cluster Service a block reached, as the timeline entry records it. */
export interface ServiceCall {
  /** `NS/NAME:PORT`, with `https:` before NAME for TLS services. */
  service: string;
  requests: number;
  /** Distinct HTTP statuses, in the order first seen (0: no answer). */
  status: number[];
  /** Distinct URL paths asked for (query strings included), redacted; at most MAX_PATHS. */
  paths: string[];
  /** Why the API server refused or could not reach it, in words. */
  problem?: string;
}

const MAX_PATHS = 10;

/** Tallies the requests the proxy sent to Services during one run. */
export class ServiceCallLog {
  private readonly calls = new Map<string, ServiceCall>();

  /** `secrets`: values typed for secret placeholders, masked in the paths too. */
  constructor(private readonly secrets: string[] = []) {}

  record(service: string, status: number, pathAndQuery: string, problem?: string): void {
    let c = this.calls.get(service);
    if (!c) {
      c = { service, requests: 0, status: [], paths: [] };
      this.calls.set(service, c);
    }
    c.requests += 1;
    if (!c.status.includes(status)) c.status.push(status);
    const p = redactText(pathAndQuery, { literals: this.secrets }).text;
    if (c.paths.length < MAX_PATHS && !c.paths.includes(p)) c.paths.push(p);
    if (problem && !c.problem) c.problem = problem;
  }

  list(): ServiceCall[] {
    return [...this.calls.values()].map((c) => ({ ...c, status: [...c.status], paths: [...c.paths] }));
  }
}
