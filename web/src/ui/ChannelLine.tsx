import type { ChannelMessage } from "../api/protocol";
import { namesMe, namesOfMe } from "../app/highlights";
import { personas } from "../app/state";
import { reportChannel } from "../app/tryst";
import { Avatar } from "./Avatar";
import { Formatted } from "./Formatted";
import { ReportAction } from "./Report";

export const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/**
 * One line of a channel: said, posed (/me), or dice the server rolled. A roll is drawn as nothing
 * typed can be (a die outside the text, its own box, upright), so that a pose "rolls 6" never
 * passes for one. Another persona's line can be reported, and one that names the person (or has
 * one of their highlight words) stands out, the words marked; on a wide screen the author's picture
 * begins it. A line that continues its author's last (`continued`) keeps their name and picture
 * for screen readers but does not show them again. What was said or posed shows its formatting.
 */
export function Line({ message, pictures, continued = false }: { message: ChannelMessage; pictures: boolean; continued?: boolean }) {
  const mine = personas.value.some((persona) => persona.id === message.persona.id);
  const named = !mine && message.kind !== "roll" && namesMe(message.text);
  const report = !mine && <> <ReportAction who={message.persona.name} send={(reason, note) => reportChannel(message, reason, note)} /></>;
  const classes = [message.kind === "say" ? "" : message.kind, named ? "mention" : "", mine ? "mine" : "", continued ? "continued" : ""]
    .filter(Boolean).join(" ") || undefined;
  const who = <b class="who">{message.persona.name}</b>;
  const text = <Formatted text={message.text} marks={named ? namesOfMe.value : undefined} />;
  // A roll's die stands where the author's picture would, so that nothing else in the line looks like it.
  const picture = pictures && message.kind !== "roll" && <Avatar persona={message.persona} size="line" />;
  // A continued line's time and name are for screen readers only: the space between them goes with the name, taking no room.
  const at = <><time>{time(message.at)}</time>{continued ? null : " "}{picture}</>;
  switch (message.kind) {
    case "roll":
      return (
        <li class={classes}>
          {at}<Die /><span class="sr-only">Dice rolled by the server: </span>{who} rolls <span class="dice">{message.text}</span>{report}
        </li>
      );
    case "pose":
      return <li class={classes}>{at}* {who} {text}{report}</li>;
    case "say":
      return <li class={classes}>{at}<span class="by">{continued && " "}{who}: </span>{text}{report}</li>;
  }
}

/** The mark of a roll, drawn rather than typed. */
function Die() {
  return (
    <svg class="die" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="1.5" width="13" height="13" rx="3" fill="none" stroke="currentColor" stroke-width="1.5" />
      <circle cx="5.25" cy="5.25" r="1.25" fill="currentColor" />
      <circle cx="8" cy="8" r="1.25" fill="currentColor" />
      <circle cx="10.75" cy="10.75" r="1.25" fill="currentColor" />
    </svg>
  );
}
