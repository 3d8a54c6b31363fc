import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./ui/accessibility.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { languageReady } from "./i18n";

// Nothing is drawn before the strings of the page's language are in, so no English flashes before Welsh.
void languageReady.then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
