import type { Rating, RoomView } from "../api/protocol";
import { go } from "../app/navigation";
import type { WorldState } from "../app/world";
import { Avatar } from "./Avatar";
import { Formatted } from "./Formatted";
import { StatusBadge } from "./Statuses";

const RATINGS: Record<Rating, string> = { general: "General", mature: "Mature", adult: "Adult" };

/** A room's rating as a badge; `quiet` leaves out the general one, for marks beside exits. */
export function RatingMark({ rating, quiet = false }: { rating: Rating; quiet?: boolean }) {
  if (quiet && rating === "general") return null;
  return <span class={`rating ${rating}`}>{RATINGS[rating] ?? rating}<span class="sr-only"> rating</span></span>;
}

/** The room as one reads it on coming in: its description, and its exits as buttons that take them. */
export function RoomCard({ room, send }: { room: RoomView; send: (line: string) => void }) {
  return (
    <section class="room-card" aria-label={`About ${room.name}`}>
      {/* On a phone a long description scrolls within its few lines: by keyboard too. */}
      <div class="room-description" tabIndex={0}><Formatted text={room.description ?? ""} /></div>
      {room.owner && <p class="muted owner">Built by {room.owner.name}</p>}
      <Exits room={room} send={send} />
    </section>
  );
}

function Exits({ room, send }: { room: RoomView; send: (line: string) => void }) {
  if (room.exits.length === 0) return <p class="muted exits-none">No way out but home.</p>;
  return (
    <ul class="exits" aria-label="Exits">
      {room.exits.map((exit) => (
        <li key={exit.name}>
          <button type="button" class="exit" onClick={() => send(exit.name)}>
            <b>{exit.name}</b><span class="sr-only"> to</span> <span class="to">{exit.to}</span> <RatingMark rating={exit.rating} quiet />
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * Who and what is here. A persona's name looks at them in the world; beside it, their profile, and
 * an invitation into a private scene that starts with this room as its setting, for those known by
 * their real names (in a world with recognition, a stranger's profile would say who they are). A
 * thing's name looks at it, and one that can be carried can be picked up.
 */
export function Here({ state, send }: { state: WorldState; send: (line: string) => void }) {
  const room = state.room!;
  return (
    <>
      <h2>Here</h2>
      <ul class="members occupants">{state.here.map((one) => (
        <li key={one.id}>
          <Avatar persona={one} size="member" />
          <button type="button" class="link" aria-label={`Look at ${one.name}`} onClick={() => send(`look ${one.name}`)}>{one.name}</button>
          {one.id === state.persona ? <span class="muted">(you)</span> : <>
            <StatusBadge status={one.status} line={one.statusLine} />
            {!one.shown && <span class="occupant-actions">
              <button type="button" class="link" aria-label={`Profile of ${one.name}`}
                onClick={() => go({ kind: "persona", id: one.id, name: one.name })}>Profile</button>
              <button type="button" class="link"
                onClick={() => go({ kind: "persona", id: one.id, name: one.name, setIn: { room: room.id, name: room.name } })}>
                Invite<span class="sr-only"> {one.name}</span> to a private scene</button>
            </span>}
          </>}
        </li>
      ))}</ul>
      <h2>Things</h2>
      {room.things.length === 0 ? <p class="muted">Nothing lies here.</p> : (
        <ul class="things">{room.things.map((thing) => (
          <li key={thing.id}>
            <button type="button" class="link" aria-label={`Look at ${thing.name}`} onClick={() => send(`look ${thing.name}`)}>{thing.name}</button>
            {thing.portable && <button type="button" class="link" aria-label={`Pick up ${thing.name}`} onClick={() => send(`get ${thing.name}`)}>Pick up</button>}
          </li>
        ))}</ul>
      )}
    </>
  );
}

/** The world's settings in plain words: adult areas, help, who is about, what the persona carries, and leaving. */
export function WorldSettings({ send, leave }: { send: (line: string) => void; leave: () => void }) {
  return (
    <>
      <h2>Adult areas</h2>
      <p class="muted">Rooms rated adult stay closed to your account until you choose to enter them. You can change this at any time.</p>
      <p class="buttons">
        <button type="button" onClick={() => send("@adult on")}>Let me into adult areas</button>
        <button type="button" onClick={() => send("@adult off")}>Keep me out of adult areas</button>
      </p>
      <h2>More</h2>
      <p class="buttons">
        <button type="button" onClick={() => send("help")}>Help</button>
        <button type="button" onClick={() => send("who")}>Who is in the world</button>
        <button type="button" onClick={() => send("inventory")}>What I carry</button>
        <button type="button" onClick={leave}>Leave the world</button>
      </p>
    </>
  );
}
