/** Shapes of the Prometheus HTTP API v1 query responses. */
export type SampleValue = [number, string];

export interface VectorSample {
  metric: Record<string, string>;
  value: SampleValue;
}

export interface MatrixSeries {
  metric: Record<string, string>;
  values: SampleValue[];
}

export type PromQueryData =
  | { resultType: 'vector'; result: VectorSample[] }
  | { resultType: 'matrix'; result: MatrixSeries[] }
  | { resultType: 'scalar'; result: SampleValue }
  | { resultType: 'string'; result: SampleValue };

export interface PromQueryResponse {
  data: PromQueryData;
  /** Warnings and infos Prometheus attached to a successful answer. */
  warnings: string[];
}
