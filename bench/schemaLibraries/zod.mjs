export const load = async () => ({ z: (await import("zod")).z });
export const use = ({ z }, data) => {
  const nat = z.number().int().min(0);
  const pos = z.number().int().min(1);
  const Config = z.strictObject({
    name: z.string(),
    description: z.string(),
    tickMinutes: pos,
    fleet: z.strictObject({ initialSize: pos, maxSize: pos }),
    threads: z.strictObject({ threadLimit: pos, baseThreads: nat, threadsPerPeer: pos }),
    shards: z.strictObject({ shardCount: pos, backendClusters: pos }),
    membership: z.strictObject({ propagationDelayTicks: nat }),
    coldStart: z.strictObject({
      bootstrapTicks: nat,
      maxConcurrentBootstraps: pos,
      cacheSelfHealsAfterTriggerRemoval: z.boolean(),
    }),
    remediations: z.strictObject({
      preflightGuard: z.boolean(),
      largerServers: z.boolean(),
      cellularization: z.boolean(),
      bootstrapFromAuthoritative: z.boolean(),
      waitForCompleteMap: z.boolean(),
    }),
    remediationParameters: z.strictObject({ largerServerFactor: pos, cellSize: pos }),
  });
  const schema = z.toJSONSchema(Config);
  const ok = Config.safeParse(data).success;
  const bad = Config.safeParse({ ...data, threads: { ...data.threads, threadLimit: -1 } });
  return [ok, Object.keys(schema).length > 0, bad.error.issues[0].path.join(".")];
};
