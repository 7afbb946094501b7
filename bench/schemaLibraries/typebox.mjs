export const load = async () => {
  const { Type } = await import("typebox");
  const { Value } = await import("typebox/value");
  return { Type, Value };
};
export const use = ({ Type: T, Value }, data) => {
  const nat = T.Integer({ minimum: 0 });
  const pos = T.Integer({ minimum: 1 });
  const o = (p) => T.Object(p, { additionalProperties: false });
  const Config = o({
    name: T.String(),
    description: T.String(),
    tickMinutes: pos,
    fleet: o({ initialSize: pos, maxSize: pos }),
    threads: o({ threadLimit: pos, baseThreads: nat, threadsPerPeer: pos }),
    shards: o({ shardCount: pos, backendClusters: pos }),
    membership: o({ propagationDelayTicks: nat }),
    coldStart: o({
      bootstrapTicks: nat,
      maxConcurrentBootstraps: pos,
      cacheSelfHealsAfterTriggerRemoval: T.Boolean(),
    }),
    remediations: o({
      preflightGuard: T.Boolean(),
      largerServers: T.Boolean(),
      cellularization: T.Boolean(),
      bootstrapFromAuthoritative: T.Boolean(),
      waitForCompleteMap: T.Boolean(),
    }),
    remediationParameters: o({ largerServerFactor: pos, cellSize: pos }),
  });
  const schema = JSON.parse(JSON.stringify(Config));
  const ok = Value.Check(Config, data);
  const bad = [...Value.Errors(Config, { ...data, threads: { ...data.threads, threadLimit: -1 } })][0];
  return [ok, Object.keys(schema).length > 0, bad?.instancePath ?? JSON.stringify(bad)];
};
