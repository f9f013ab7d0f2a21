import type { Scene } from "../api/protocol";

/** Who else is in a scene, as its name. */
export function sceneName(scene: Scene, mineId: string | undefined): string {
  const others = scene.members.filter((member) => member.id !== mineId).map((member) => member.name);
  return others.length === 0 ? "Private scene (nobody else yet)" : `Private scene with ${others.join(", ")}`;
}
