import { Fragment } from "preact";
import { useState } from "preact/hooks";
import type { Scene } from "../api/protocol";
import { isSafeword } from "../app/consent";
import { startsDay } from "../app/days";
import { continues, type Spoken } from "../app/grouping";
import { namesMe, namesOfMe } from "../app/highlights";
import { newSince, sceneKey } from "../app/navigation";
import { myPersonaIn, report, safeword } from "../app/scenes";
import { notice, sceneLines, scenes, type SceneLine } from "../app/state";
import { Avatar } from "./Avatar";
import { CallPanel } from "./CallPanel";
import { ViewHeader } from "./Bar";
import { topicList } from "./Boundaries";
import { time } from "./ChannelLine";
import { Compose } from "./Compose";
import { DayHeading } from "./Days";
import { useDetails } from "./Details";
import { explain } from "./errors";
import { Formatted } from "./Formatted";
import { Lines, NewMarker } from "./Lines";
import { SceneSetting } from "./SceneSetting";
import { useNarrow } from "./media";
import { ReportAction } from "./Report";
import { SceneDetails, timerName } from "./SceneDetails";
import { sceneName } from "./sceneName";
import { SafetyChanged, VerifiedMark } from "./Verification";

/**
 * One decrypted line of a scene, on a wide screen with its author's picture, with its formatting;
 * a line received can be reported, with its franking, and stands out when it names the person. A
 * line that continues its author's last shows their name and picture to screen readers only.
 */
function SceneLineItem({ id, line, pictures, continued }: { id: string; line: SceneLine; pictures: boolean; continued: boolean }) {
  if (line.kind === "dropped") return <li class="error">{line.text}</li>;
  const reportable = line.frank && <> <ReportAction who={line.from?.name ?? "someone"} send={(reason, note) => report(id, line, reason, note)} /></>;
  const at = <><time>{time(line.at)}</time>{continued ? null : " "}{pictures && line.from && <Avatar persona={line.from} size="line" />}</>;
  const named = !!line.frank && namesMe(line.text);
  const classes = [line.kind === "pose" ? "pose" : "", line.frank ? "" : "mine", named ? "mention" : "", continued ? "continued" : ""]
    .filter(Boolean).join(" ") || undefined;
  const text = <Formatted text={line.text} marks={named ? namesOfMe.value : undefined} />;
  return line.kind === "pose"
    ? <li class={classes}>{at}* <b class="who">{line.from?.name}</b> {text}{reportable}</li>
    : <li class={classes}>{at}<span class="by">{continued && " "}<b class="who">{line.from?.name}</b>: </span>{text}{reportable}</li>;
}

/** What grouping looks at in a scene's line; a dropped one is nobody's. */
const spoken = (line: SceneLine | undefined): Spoken | undefined => line && { author: line.kind === "dropped" ? undefined : line.from?.id, kind: line.kind, at: line.at };

/** The mark of the button that opens a scene's details. */
function Info() {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="8.25" fill="none" stroke="currentColor" stroke-width="1.5" />
      <path d="M10 8.75v5.5M10 5.5v.5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  );
}

/**
 * A scene's name, with the mark of each partner whose safety number this device verified; on a phone
 * only who else is in it shows, the rest is read out but not shown, to leave room for the Safeword.
 */
function SceneTitle({ scene, me }: { scene: Scene; me: string }) {
  const others = scene.members.filter((member) => member.id !== me);
  if (others.length === 0) return <>{sceneName(scene, me)}</>;
  return (
    <><span class="wide-only">Private scene with </span>{others.map((other, i) => (
      <Fragment key={other.id}>{i > 0 && ", "}{other.name}<VerifiedMark mine={me} partner={other.id} name={other.name} /></Fragment>
    ))}</>
  );
}

/**
 * A private scene: its lines, end to end encrypted, and the Safeword always one press away in its
 * header; the timer, agreement, members, transcript and safety numbers beside the lines, or on a
 * phone in a sheet over them.
 */
export function SceneView({ id }: { id: string }) {
  const narrow = useNarrow();
  const scene = scenes.value.get(id);
  const me = myPersonaIn(id);
  const lines = sceneLines.value.get(id) ?? [];
  const [coolingOff, setCoolingOff] = useState(24);
  const details = useDetails(narrow, "About this scene", <><Info /><span class="sr-only">About this scene</span></>);
  if (!scene || !me) return <ViewHeader narrow={narrow} title="Private scene" sub="You are not in that scene." />;
  const marker = newSince.value;

  // The scene's end, which reaches every member this one included, takes the person home and says who used the safeword.
  const endScene = () => safeword(id, me, coolingOff).catch((f) => (notice.value = explain(f)));
  return (
    <div class="conversation-view scene">
      <ViewHeader narrow={narrow} title={<SceneTitle scene={scene} me={me.id} />}
        sub={`${narrow ? "Encrypted" : "End-to-end encrypted"} · disappear after ${timerName(scene.timerSeconds)}`}>
        <button type="button" class="danger" onClick={endScene}
          title="Ends the scene for everyone at once, with no question asked">Safeword</button>
        {details.button}
      </ViewHeader>
      <SafetyChanged scene={scene} me={me} openDetails={details.show} />
      <CallPanel scene={scene} me={me} />
      <div class="conversation-body">
        <Lines label="Messages in this scene" newest={lines.at(-1)?.id}>
          {scene.setting && <li class="setting"><SceneSetting setting={scene.setting} /></li>}
          {scene.agreement && (
            <li class="agreement">
              Agreed by {scene.agreement.agreedBy.map((agreed) => agreed.persona.name).join(", ")}: {topicList(scene.agreement.topics)}.
              {" "}Safeword: <b>{scene.agreement.safeword}</b> (type it alone to end the scene for everyone at once).
            </li>
          )}
          {lines.map((line, index) => [
            startsDay(lines[index - 1], line) && <DayHeading key={`day-${line.id}`} at={line.at} />,
            line.id === marker && <NewMarker key={`new-${line.id}`} />,
            <SceneLineItem key={line.id} id={id} line={line} pictures={!narrow}
              continued={line.id !== marker && !startsDay(lines[index - 1], line) && continues(spoken(lines[index - 1]), spoken(line))} />,
          ])}
        </Lines>
        {details.panel(<SceneDetails scene={scene} me={me} coolingOff={coolingOff} setCoolingOff={setCoolingOff} narrow={narrow}
          endScene={endScene} />)}
      </div>
      <Compose conversation={sceneKey(id)} id="scene-compose" label="Message to this scene" here={{ kind: "scene", id, coolingOff }}
        isSafewordWord={(line) => isSafeword(scene, line)}
        placeholder="Say something (/ for commands)" />
    </div>
  );
}
