import { render } from "preact";
import { App } from "./ui/App";
import { applyTheme } from "./ui/theme";
import { followVisualViewport } from "./ui/viewport";
import "./ui/style.css";
import "./ui/world.css";

applyTheme();
followVisualViewport();
render(<App />, document.getElementById("app")!);
