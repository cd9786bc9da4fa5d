import { expose } from "comlink";
import { engineApi } from "./engineApi";

expose(engineApi);
