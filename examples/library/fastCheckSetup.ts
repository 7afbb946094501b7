// One fixed seed for every property, so the suite gives the same result every run (FC_SEED=<n> explores).
// fast-check is a peer dependency of kinesis-outage-model, so its properties run under this configuration.
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20201125) });
