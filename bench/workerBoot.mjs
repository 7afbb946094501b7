// bench: the entry point of a worker thread. Worker threads do not inherit tsx's loader from the parent's
// command line, so this plain-JavaScript file registers it and then imports the TypeScript module it is given.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
