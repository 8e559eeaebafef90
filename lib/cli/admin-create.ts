// npm run admin:create -- <username> [--password-stdin] – creates an admin, or resets an admin's password.
import readline from "node:readline";
import { getDb } from "@/db";
import { AdminInputError, createOrResetAdmin } from "@/lib/admin/create-admin";
import { runCli } from "./run";

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk.toString();
  return text.replace(/\r?\n$/, "");
}

/** Asks for the password on the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
  let asked = false;
  // readline has no hidden mode: after the question, echo nothing of what is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (!asked) write(s);
  };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    asked = true;
  });
}

runCli(async (args) => {
  const username = args.find((a) => !a.startsWith("--"));
  if (!username) {
    console.error("usage: npm run admin:create -- <username> [--password-stdin]");
    return 2;
  }
  let password: string;
  if (args.includes("--password-stdin")) password = await readAll(process.stdin);
  else if (!process.stdin.isTTY) {
    console.error("admin:create: no terminal to ask the password on; pipe it with --password-stdin");
    return 2;
  } else {
    password = await askHidden(`Password for ${username}: `);
    if ((await askHidden("Again: ")) !== password) {
      console.error("admin:create: the two passwords differ; nothing changed");
      return 1;
    }
  }
  try {
    const { created } = await createOrResetAdmin(await getDb(), { username, password });
    console.log(created ? `admin:create: admin ${username} created.` : `admin:create: password of ${username} reset; their sessions are signed out.`);
  } catch (error) {
    if (!(error instanceof AdminInputError)) throw error;
    console.error(`admin:create: ${error.message}`);
    return 1;
  }
});
