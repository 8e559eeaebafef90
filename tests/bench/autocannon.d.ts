// The part of autocannon 9's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  export interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** With workers: an absolute path to a module whose `module.exports` is the function. */
    setupRequest?: string | ((req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest);
    [extra: string]: unknown;
  }

  export interface AutocannonOptions {
    url: string;
    connections?: number;
    workers?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: AutocannonRequest[];
    initialContext?: Record<string, unknown>;
  }

  export interface Histogram {
    p50: number;
    p90: number;
    p99: number;
    max: number;
    average: number;
  }

  export interface AutocannonResult {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    requests: Histogram & { total: number; sent: number };
  }

  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
  export default autocannon;
}
