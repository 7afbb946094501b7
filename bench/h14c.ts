import { metastabilityMarkdown } from "../analyses/metastabilityDoc.ts";
const t0 = performance.now();
console.log(metastabilityMarkdown());
console.log((performance.now() - t0).toFixed(0), "ms");
