export const runInductive = (_: unknown): number => 0;
