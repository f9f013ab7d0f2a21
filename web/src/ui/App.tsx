import { useEffect } from "preact/hooks";
import { purgeExpired } from "../app/scenes";
import { resume } from "../app/tryst";
import { notice, signedIn } from "../app/state";
import { locked, watchIdle } from "../app/lock";
import { keptOut } from "../app/wellbeing";
import { ageReturn } from "../app/age";
import { go } from "../app/navigation";
import { Auth } from "./Auth";
import { KeptOut } from "./KeptOut";
import { LockScreen } from "./LockScreen";
import { RecoveryCodes } from "./Security";
import { Shell } from "./Shell";
import { usePanicKey } from "./panic";

/**
 * The whole web client: whoever is logged in sees the app (behind its lock, when one is set), anyone
 * else the way in, or until when their own limit keeps Tryst closed to them.
 */
export function App() {
  usePanicKey();
  useEffect(() => {
    resume().catch(() => { if (!keptOut.value) notice.value = "Cannot reach the server. Reload the page to try again."; });
    const purge = setInterval(() => purgeExpired(), 5_000);
    const stopWatching = watchIdle();
    return () => {
      clearInterval(purge);
      stopWatching();
    };
  }, []);
  // Back from the age provider: the account page says how it went.
  useEffect(() => { if (signedIn.value && ageReturn.value) go({ kind: "account" }); }, [signedIn.value]);
  if (keptOut.value && !signedIn.value) return <KeptOut />;
  if (signedIn.value === null) return <main class="loading" data-view="loading"><h1>Notes</h1><p role="status">Loading…</p></main>;
  if (!signedIn.value) return <Auth />;
  return locked.value ? <LockScreen /> : <><Shell /><RecoveryCodes /></>;
}
