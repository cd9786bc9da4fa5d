import { StrictMode } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { createRoot } from "react-dom/client";
import { App } from "./ui/app/App";
import { bootstrap } from "./ui/app/bootstrap";
import { initTheme } from "./ui/app/theme";
import { useGwsimStore } from "./store";
import { appController } from "./ui/app/appController";
import "./styles/app.css";

initTheme();
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
// bootstrap never rejects: a failed restore becomes a notice and the example is shown.
void bootstrap(useGwsimStore).then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={appController.queries.client}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
