import type { BotRequest } from "../bot-request";
import type { Command } from "../read-update";
import { runWizard } from "../wizard-runtime";
import { sendCatalog } from "./catalog";
import { sendGreeting } from "./help";
import { linkStaffChat } from "./staff-link";
import { handleStart } from "./start";
import { startOrder } from "./order";
import { askLanguage } from "./language";
import { cancelReschedule, isRescheduleStep } from "./reschedule";
import { answerStatusInput, leaveStatusPrompt } from "./status";
import { sendWaits } from "./waitlist";
import { startClaim } from "./warranty-claim";

export async function handleCommand(req: BotRequest, command: Command): Promise<void> {
  // A command is the customer going somewhere else: the code prompt must not read their next message as a code.
  if (command.name !== "cancel") await leaveStatusPrompt(req);
  switch (command.name) {
    case "start":
      return handleStart(req, command.payload);
    case "help":
      return sendGreeting(req);
    case "order":
      return startOrder(req);
    case "catalog":
      return sendCatalog(req);
    case "status":
      if (command.payload) return answerStatusInput(req, command.payload);
      await sendWaits(req);
      await runWizard(req, { type: "status" }, { mode: "send" });
      return;
    case "cancel":
      if (isRescheduleStep(await req.step())) return cancelReschedule(req);
      await runWizard(req, { type: "cancel" }, { mode: "send" });
      return;
    case "garansi":
    case "warranty":
      return startClaim(req, command.payload);
    case "bahasa":
    case "language":
      return askLanguage(req, command.payload);
    case "staff":
      return linkStaffChat(req, command.payload);
    default:
      req.send(req.texts.unknownCommand);
  }
}
