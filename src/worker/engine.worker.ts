import { expose } from "comlink";
import { engineApi } from "./engineApi";
import { withOnDemandModules } from "./onDemandModules";

expose(withOnDemandModules(engineApi));
