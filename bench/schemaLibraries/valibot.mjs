export const load = async () => {
  const v = await import("valibot");
  const { toJsonSchema } = await import("@valibot/to-json-schema");
  return { v, toJsonSchema };
};
export const use = ({ v, toJsonSchema }, data) => {
  const nat = v.pipe(v.number(), v.integer(), v.minValue(0));
  const pos = v.pipe(v.number(), v.integer(), v.minValue(1));
  const Config = v.strictObject({
    name: v.string(),
    description: v.string(),
    tickMinutes: pos,
    fleet: v.strictObject({ initialSize: pos, maxSize: pos }),
    threads: v.strictObject({ threadLimit: pos, baseThreads: nat, threadsPerPeer: pos }),
    shards: v.strictObject({ shardCount: pos, backendClusters: pos }),
    membership: v.strictObject({ propagationDelayTicks: nat }),
    coldStart: v.strictObject({
      bootstrapTicks: nat,
      maxConcurrentBootstraps: pos,
      cacheSelfHealsAfterTriggerRemoval: v.boolean(),
    }),
    remediations: v.strictObject({
      preflightGuard: v.boolean(),
      largerServers: v.boolean(),
      cellularization: v.boolean(),
      bootstrapFromAuthoritative: v.boolean(),
      waitForCompleteMap: v.boolean(),
    }),
    remediationParameters: v.strictObject({ largerServerFactor: pos, cellSize: pos }),
  });
  const schema = toJsonSchema(Config);
  const ok = v.safeParse(Config, data).success;
  const bad = v.safeParse(Config, { ...data, threads: { ...data.threads, threadLimit: -1 } });
  return [ok, Object.keys(schema).length > 0, v.getDotPath(bad.issues[0])];
};
