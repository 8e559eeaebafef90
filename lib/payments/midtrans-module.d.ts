// midtrans-client 1.4 ships no types; this declares the part of it the app uses (see its lib/*.js).
declare module "midtrans-client" {
  interface ClientOptions {
    isProduction: boolean;
    serverKey: string;
    clientKey?: string;
  }
  interface ApiConfig {
    getCoreApiBaseUrl(): string;
    getSnapApiBaseUrl(): string;
  }
  interface HttpClient {
    /** The axios instance underneath; its defaults carry the timeout. */
    http_client: { defaults: { timeout?: number } };
  }
  interface Transaction {
    status(orderId: string): Promise<Record<string, unknown>>;
    cancel(orderId: string): Promise<Record<string, unknown>>;
    refund(orderId: string, parameter: object): Promise<Record<string, unknown>>;
  }
  class Snap {
    constructor(options: ClientOptions);
    apiConfig: ApiConfig;
    httpClient: HttpClient;
    transaction: Transaction;
    createTransaction(parameter: object): Promise<{ token: string; redirect_url: string }>;
  }
  class CoreApi {
    constructor(options: ClientOptions);
    apiConfig: ApiConfig;
    httpClient: HttpClient;
    transaction: Transaction;
    charge(parameter: object): Promise<Record<string, unknown>>;
  }
  class MidtransError extends Error {
    httpStatusCode: number | string | null;
    ApiResponse: unknown;
  }
  const midtransClient: { Snap: typeof Snap; CoreApi: typeof CoreApi; MidtransError: typeof MidtransError };
  export { Snap, CoreApi, MidtransError };
  export default midtransClient;
}
