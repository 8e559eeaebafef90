// Next.js calls register() once as the server starts. The check lives in a Node-only module, imported
// only on the Node runtime, so the Edge build of this file never sees process.exit.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
